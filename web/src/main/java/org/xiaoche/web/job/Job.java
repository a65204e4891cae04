package org.xiaoche.web.job;

import java.time.Instant;
import java.util.Map;

/**
 * One background job as stored. {@code percent} is 0..100 of the whole job; {@code resultType} and
 * {@code resultId} name what a finished job produced (e.g. {@code eligibility-run} 7).
 */
public record Job(long id, String kind, JobState state, String stage, double percent, String message,
                  Map<String, String> params, String resultType, Long resultId, String worker,
                  boolean cancelRequested, String createdBy, Instant createdAt, Instant startedAt,
                  Instant finishedAt) {
}
