package org.xiaoche.routing.roster.io;

import org.xiaoche.routing.progress.ProgressListener;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports how far a reader is through its file, by bytes read, to a {@link ProgressListener} under one
 * stage name. A listener may stop the work by throwing (a cancelled job does); the readers catch format
 * errors broadly, so what the listener threw is kept and thrown again by {@link #rethrowIfStopped()}.
 */
final class ByteProgress {

    static final ByteProgress NONE = new ByteProgress(ProgressListener.NONE, "", 0);

    /** Reports at most once per this many bytes: the listener may write to a database. */
    private static final long REPORT_EVERY_BYTES = 256 * 1024;

    private final ProgressListener listener;
    private final String stage;
    private final long total_bytes;
    private volatile RuntimeException stopped;

    ByteProgress(ProgressListener listener, String stage, long total_bytes) {
        this.listener = listener;
        this.stage = stage;
        this.total_bytes = total_bytes;
    }

    /**
     * {@code in} counted as covering {@code [from, to]} of the work (a reader that reads its file twice
     * gives each pass half); {@code size_bytes} is what {@code in} will deliver, or -1 when unknown.
     */
    InputStream counted(InputStream in, double from, double to, long size_bytes) {
        if (this == NONE || size_bytes <= 0) {
            return in;
        }
        return new FilterInputStream(in) {
            private long read_bytes;
            private long reported_bytes;

            @Override
            public int read() throws IOException {
                int b = super.read();
                advance(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                advance(Math.max(0, n));
                return n;
            }

            private void advance(int n) {
                read_bytes += n;
                if (read_bytes - reported_bytes >= REPORT_EVERY_BYTES) {
                    reported_bytes = read_bytes;
                    report(from + (to - from) * Math.min(1.0, (double) read_bytes / size_bytes));
                }
            }
        };
    }

    /** {@code in} over the whole file. */
    InputStream counted(InputStream in) {
        return counted(in, 0, 1, total_bytes);
    }

    void report(double fraction) {
        if (this == NONE) {
            return;
        }
        try {
            listener.progress(stage, fraction);
        } catch (RuntimeException e) {
            stopped = e;
            throw e;
        }
    }

    /** Throws what the listener threw, if it did: a stop is not a format problem of the file. */
    void rethrowIfStopped() {
        if (stopped != null) {
            throw stopped;
        }
    }
}
