package org.xiaoche.routing.roster.io;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one file format as a table. Format and content problems go to {@code problems}, not exceptions. */
interface TableReader {

    /**
     * Streams {@code file} into {@code sink}. When the file cannot be read as this format at all
     * (empty, binary, corrupt) a problem is recorded and the sink may have received nothing.
     *
     * @throws IOException when the file cannot be read from disk
     */
    default void read(Path file, TableSink sink, ProblemList problems) throws IOException {
        read(file, sink, problems, ByteProgress.NONE);
    }

    /** Like {@link #read(Path, TableSink, ProblemList)}, reporting bytes read to {@code progress}. */
    void read(Path file, TableSink sink, ProblemList problems, ByteProgress progress) throws IOException;
}
