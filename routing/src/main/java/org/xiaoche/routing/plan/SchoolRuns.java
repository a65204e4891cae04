package org.xiaoche.routing.plan;

import java.util.List;

/**
 * The solved runs of one school, as the plan keeps them for re-use: each run's pickups by id, the
 * morning in pickup order and the afternoon in drop-off order. {@code problemFingerprint} digests
 * everything the solver saw (pickups and their students, caps, window, dwell, seats and the travel
 * times among the school's places); {@code replan} re-uses these runs when it is unchanged.
 *
 * @param solved     true when the route solver ran for this plan, false when the runs were re-used
 * @param wallCapHit true when the solver stopped on its time safety cap (its search was cut short)
 */
public record SchoolRuns(String schoolId, String problemFingerprint, List<List<String>> morning,
                         List<List<String>> afternoon, boolean solved, boolean wallCapHit) {
    public SchoolRuns {
        morning = morning.stream().map(List::copyOf).toList();
        afternoon = afternoon.stream().map(List::copyOf).toList();
    }
}
