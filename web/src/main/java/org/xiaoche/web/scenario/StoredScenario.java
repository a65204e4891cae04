package org.xiaoche.web.scenario;

import java.time.Instant;

/**
 * One stored scenario: its changes and, once run, its own plan ({@code planId}) and whether it is
 * feasible. The comparison and histograms are read apart ({@link ScenarioRepository#comparison}).
 */
public record StoredScenario(long id, long baselinePlanId, long datasetId, long regionId, String name,
                             ScenarioChanges changes, Long jobId, Long planId, Boolean feasible, String createdBy,
                             Instant createdAt) {
}
