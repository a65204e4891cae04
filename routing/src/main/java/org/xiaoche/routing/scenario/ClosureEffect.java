package org.xiaoche.routing.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one closure does, measured by planning it alone against the baseline (a full scenario run): the
 * change in yearly cost, the new journeys of every student of the closed and the receiving school (a
 * student missing from {@code journeys_s} has none: no bus), and what the receiving school then needs.
 * A plain value, so that measuring effects and evaluating layouts can run as separate jobs.
 *
 * @param journeys_s        student id → journey door to school after the closure, seconds
 * @param movedIn           students moved into the receiving school
 * @param boardingAtReceiver boarding candidates at the receiving school after the closure
 * @param lunchAtReceiver   students staying for lunch at the receiving school after the closure
 * @param whyNot            reasons the closure alone is infeasible (应留必留 first); empty when feasible
 */
public record ClosureEffect(ClosureOption option, double yearlyCostChange, Map<String, Double> journeys_s,
                            int movedIn, int boardingAtReceiver, int lunchAtReceiver, List<String> whyNot) {
    public ClosureEffect {
        journeys_s = java.util.Collections.unmodifiableMap(new TreeMap<>(journeys_s));
        whyNot = List.copyOf(whyNot);
    }

    public boolean feasible() {
        return whyNot.isEmpty();
    }
}
