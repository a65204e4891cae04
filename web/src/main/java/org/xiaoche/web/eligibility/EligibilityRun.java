package org.xiaoche.web.eligibility;

import java.time.Instant;

/** One stored eligibility computation of a dataset: its policy and the region-wide counts. */
public record EligibilityRun(long id, long datasetId, long regionId, Long jobId, double walkThreshold_m, String policy,
                             int students, int walkers, int needsTransport, int unreachable, Instant createdAt) {
}
