package org.xiaoche.routing.roster.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes CSV text through, failing as soon as one quoted field grows past {@value #MAX_QUOTED_CHARS}
 * characters. No roster cell is that long; a quote left open (a stray {@code "} in a name exported from
 * Excel) would otherwise make the CSV parser gather the whole rest of the file into one field.
 */
final class QuoteLimitReader extends FilterReader {

    static final int MAX_QUOTED_CHARS = 10_000;

    /** A quoted field that does not close; names the line where it opened. */
    static final class UnclosedQuoteException extends IOException {
        final long line;

        UnclosedQuoteException(long line) {
            super("a quote opened on line " + line + " is not closed within " + MAX_QUOTED_CHARS
                    + " characters (a stray \" in a cell? quote the whole cell and double inner quotes)", null);
            this.line = line;
        }
    }

    /** Where the scan is: as a CSV parser sees quotes (only a quote that starts a field opens one). */
    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private long line = 1;
    private State state = State.FIELD_START;
    private long quoteLine;
    private int quotedChars;

    QuoteLimitReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    private void see(char c) throws UnclosedQuoteException {
        // Any of the separators the CSV reader accepts counts as one here.
        boolean separator = c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\r';
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                    quoteLine = line;
                    quotedChars = 0;
                } else if (!separator) {
                    state = State.UNQUOTED;
                }
            }
            case UNQUOTED -> state = separator ? State.FIELD_START : State.UNQUOTED;
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else if (++quotedChars > MAX_QUOTED_CHARS) {
                    throw new UnclosedQuoteException(quoteLine);
                }
            }
            case QUOTE_IN_QUOTED -> state = c == '"' ? State.QUOTED : separator ? State.FIELD_START : State.UNQUOTED;
        }
        if (c == '\n') {
            line++;
        }
    }
}
