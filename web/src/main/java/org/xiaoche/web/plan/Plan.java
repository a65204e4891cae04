package org.xiaoche.web.plan;

import java.time.Instant;
import java.util.Map;

/**
 * One stored plan: its summary figures and both parts of its verdict. Rules: {@code valid} is false
 * whenever the validator found any violation; such a plan is kept for inspection but never shown as
 * valid. Coverage: {@code coverageComplete} is true only when every student who needs transport has
 * a bus and no bus is needed beyond the fleet ({@code busesBeyondFleet} is the shortfall). Ride
 * figures are null when nobody rides. The whole plan value is read with
 * {@link PlanRepository#findPlanValue}.
 *
 * @param unservedByReason unserved students per {@code UnservedReason} code
 * @param walkOverLimit    carried students whose walk to the stop is beyond the policy's limit
 */
public record Plan(long id, long datasetId, long regionId, Long jobId, String solver, boolean valid,
                   String validatorVerdict, String violations, int needingTransport, int transported, int unserved,
                   int capInfeasible, int stops, int buses, int runs, double busKmPerDay, double costPerDay,
                   Double rideP50_s, Double rideP90_s, Double rideMax_s, int studentsOverCaps, boolean coverageComplete,
                   String coverageVerdict, int busesBeyondFleet, int walkOverLimit, Map<String, Integer> unservedByReason,
                   int solverWallCapHits, String createdBy, Instant createdAt) {
    public Plan {
        unservedByReason = Map.copyOf(unservedByReason);
    }
}
