package org.xiaoche.routing.roster.io;

import java.util.List;

/**
 * A roster file was rejected as a whole: nothing from it was imported. Carries every problem found
 * (up to {@link ProblemList#MAX_KEPT}) and the total count, which may be larger.
 */
public final class ImportRejectedException extends Exception {

    /** How many problems the message spells out; the rest are counted. */
    static final int PROBLEMS_IN_MESSAGE = 20;

    private final List<ImportProblem> problems;
    private final long totalProblems;

    ImportRejectedException(String file, List<ImportProblem> problems, long totalProblems) {
        super(message(file, problems, totalProblems));
        this.problems = List.copyOf(problems);
        this.totalProblems = totalProblems;
    }

    /** The problems kept, in file order; at most {@link ProblemList#MAX_KEPT}. */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** All problems found, including those not kept. */
    public long totalProblems() {
        return totalProblems;
    }

    private static String message(String file, List<ImportProblem> problems, long total) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(" was rejected, nothing was imported: ").append(total)
                .append(total == 1 ? " problem" : " problems");
        int shown = Math.min(PROBLEMS_IN_MESSAGE, problems.size());
        for (int i = 0; i < shown; i++) {
            sb.append("\n  ").append(problems.get(i));
        }
        if (total > shown) {
            sb.append("\n  ... and ").append(total - shown).append(" more");
        }
        return sb.toString();
    }
}
