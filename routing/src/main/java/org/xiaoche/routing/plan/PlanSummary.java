package org.xiaoche.routing.plan;

import java.util.Map;

/**
 * The figures a planner compares plans by, all computed from the plan's own contents
 * ({@link PlanScoring}), so a stored plan re-scores to the same summary. Ride percentiles are over
 * transported students' morning rides. {@code studentsOverCaps} counts students whose ride or
 * journey breaks a cap although a feasible trip exists: it must be 0 in a valid plan.
 * {@code capInfeasible} ride a direct trip and are listed with their reason; {@code walkOverLimit}
 * walk farther than the policy's limit to their stop (flagged for review). {@code busesBeyondFleet}
 * counts buses the plan needs beyond the fleet's available ones. Bus-km include depot legs when
 * depots are given. The verdict has two parts: the rules ({@code rulesValid}, {@code rulesVerdict})
 * and coverage ({@code coverageComplete}, {@code coverageVerdict}).
 */
public record PlanSummary(int needingTransport, int transported, int unserved, Map<String, Integer> unservedByReason,
                          int capInfeasible, int walkOverLimit, double walkOverLimitMax_m, int stops, int buses,
                          int busesBeyondFleet, int runs, double busKmPerDay, double costPerDay, double rideP50_s,
                          double rideP90_s, double rideMax_s, int studentsOverCaps, String solver, int solverWallCapHits,
                          boolean rulesValid, String rulesVerdict, boolean coverageComplete, String coverageVerdict) {

    public PlanSummary {
        unservedByReason = Map.copyOf(new java.util.TreeMap<>(unservedByReason));
    }

    /** The old one-line verdict of the rules, kept for callers that print one. */
    public String validatorVerdict() {
        return rulesVerdict;
    }
}
