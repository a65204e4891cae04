package org.xiaoche.web.job;

import java.time.Instant;

/** A job as the API shows it: no parameters (they may name files), just state, stage and result. */
public record JobView(long id, String kind, String state, String stage, double percent, String message,
                      String resultType, Long resultId, boolean cancelRequested, Instant createdAt,
                      Instant startedAt, Instant finishedAt) {

    public static JobView of(Job job) {
        return new JobView(job.id(), job.kind(), job.state().code(), job.stage(), job.percent(), job.message(),
                job.resultType(), job.resultId(), job.cancelRequested(), job.createdAt(), job.startedAt(), job.finishedAt());
    }
}
