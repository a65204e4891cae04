package org.xiaoche.web.job;

import org.xiaoche.web.system.ApiError;

import java.time.Instant;
import java.util.List;

/**
 * A job as the API shows it: no parameters (they may name files), just state, stage and result, and for
 * the user who started a job that refused its input, the problems found (file, line, field, reason, code).
 */
public record JobView(long id, String kind, String state, String stage, double percent, String message,
                      String resultType, Long resultId, boolean cancelRequested, Instant createdAt,
                      Instant startedAt, Instant finishedAt, List<ApiError.Problem> problems) {

    public static JobView of(Job job) {
        return of(job, List.of());
    }

    public static JobView of(Job job, List<ApiError.Problem> problems) {
        return new JobView(job.id(), job.kind(), job.state().code(), job.stage(), job.percent(), job.message(),
                job.resultType(), job.resultId(), job.cancelRequested(), job.createdAt(), job.startedAt(), job.finishedAt(),
                List.copyOf(problems));
    }
}
