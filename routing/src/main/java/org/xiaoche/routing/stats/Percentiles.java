package org.xiaoche.routing.stats;

/** Nearest-rank percentiles, the one definition every summary and comparison uses. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile of ascending {@code sorted}: the smallest value with at least
     * {@code fraction} of the values at or below it; NaN when empty.
     */
    public static double of(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
