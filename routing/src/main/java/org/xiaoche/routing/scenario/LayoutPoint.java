package org.xiaoche.routing.scenario;

import java.util.List;

/**
 * One evaluated layout: its yearly transport cost and the mean and p90 door-to-school journey over every
 * student with a journey, as the {@link LayoutEvaluator} estimates them; infeasible ones say why.
 */
public record LayoutPoint(LayoutChoice choice, boolean feasible, List<String> whyNot, double yearlyCost,
                          double meanJourney_s, double p90Journey_s) {
    public LayoutPoint {
        whyNot = List.copyOf(whyNot);
    }

    /** True when this point is at least as good in all three objectives and better in one. */
    public boolean dominates(LayoutPoint other) {
        boolean noWorse = yearlyCost <= other.yearlyCost && meanJourney_s <= other.meanJourney_s
                && p90Journey_s <= other.p90Journey_s;
        boolean better = yearlyCost < other.yearlyCost || meanJourney_s < other.meanJourney_s
                || p90Journey_s < other.p90Journey_s;
        return noWorse && better;
    }

    boolean sameObjectives(LayoutPoint other) {
        return yearlyCost == other.yearlyCost && meanJourney_s == other.meanJourney_s && p90Journey_s == other.p90Journey_s;
    }
}
