package org.xiaoche.routing.roster.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one file. Keeps the first {@link #MAX_KEPT} and counts the rest, so a
 * file where every one of a million rows is bad costs little memory but still reports the total.
 */
final class ProblemList {

    static final int MAX_KEPT = 1_000;

    private final String file;
    private final List<ImportProblem> kept = new ArrayList<>();
    private long total;

    ProblemList(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(long line, String field, String reason) {
        total++;
        if (kept.size() < MAX_KEPT) {
            kept.add(new ImportProblem(file, line, field, reason));
        }
    }

    /** A problem with the file as a whole (empty, binary, wrong format). */
    void fileProblem(String reason) {
        add(0, "", reason);
    }

    long total() {
        return total;
    }

    boolean isEmpty() {
        return total == 0;
    }

    void throwIfAny() throws ImportRejectedException {
        if (total > 0) {
            throw new ImportRejectedException(file, kept, total);
        }
    }
}
