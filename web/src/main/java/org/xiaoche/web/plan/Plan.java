package org.xiaoche.web.plan;

import java.time.Instant;

/**
 * One stored plan: its summary figures and the validator's verdict. {@code valid} is false whenever
 * the validator found any violation; such a plan is kept for inspection but never shown as valid.
 * Ride figures are null when nobody rides.
 */
public record Plan(long id, long datasetId, long regionId, Long jobId, String solver, boolean valid,
                   String validatorVerdict, String violations, int needingTransport, int transported, int unserved,
                   int capInfeasible, int stops, int buses, int runs, double busKmPerDay, double costPerDay,
                   Double rideP50_s, Double rideP90_s, Double rideMax_s, int studentsOverCaps, String createdBy,
                   Instant createdAt) {
}
