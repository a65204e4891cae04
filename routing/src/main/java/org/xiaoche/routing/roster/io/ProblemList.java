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

    /** A problem of kind {@code code} (see {@link ImportProblem#code()}); {@code args} are the values its reason names. */
    void add(long line, String field, String code, String reason, Object... args) {
        total++;
        if (kept.size() < MAX_KEPT) {
            List<String> texts = new ArrayList<>(args.length);
            for (Object arg : args) {
                texts.add(String.valueOf(arg));
            }
            kept.add(new ImportProblem(file, line, field, reason, code, texts));
        }
    }

    /** A problem with the file as a whole (empty, binary, wrong format). */
    void fileProblem(String code, String reason, Object... args) {
        add(0, "", code, reason, args);
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
