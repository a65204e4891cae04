package org.xiaoche.web.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.xiaoche.web.system.ApiException;

import java.time.Instant;
import java.util.Map;

/** Submits and cancels background jobs: a row in {@code job} plus an entry in db-scheduler's queue. */
@Service
public class JobService {

    private final JobRepository jobs;
    private final JobRunner runner;
    private final Scheduler scheduler;
    private final OneTimeTask<Long> jobTask;
    private final JobUploads uploads;

    public JobService(JobRepository jobs, JobRunner runner, Scheduler scheduler, OneTimeTask<Long> jobTask, JobUploads uploads) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.runner = runner;
        this.scheduler = scheduler;
        this.jobTask = jobTask;
    }

    public Job submit(String kind, Map<String, String> params, String createdBy) {
        if (!runner.knows(kind)) {
            throw new IllegalArgumentException("unknown job kind " + kind);
        }
        long id = jobs.insert(kind, params, createdBy);
        try {
            scheduler.schedule(jobTask.instance(JobScheduling.instanceId(id), id), Instant.now());
        } catch (RuntimeException e) {
            jobs.finish(id, JobState.FAILED, "could not queue the job (details are in the server log)", JobResult.NONE);
            uploads.release(get(id));
            throw e;
        }
        return get(id);
    }

    public Job get(long id) {
        return jobs.findById(id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    /**
     * Cancels a job: a queued job ends at once, a running one stops at its next progress report.
     *
     * @throws ApiException 409 when the job has already ended
     */
    public Job cancel(long id) {
        get(id);
        // Only a job still queued ends here; one claimed meanwhile is asked to stop instead, so a job that
        // has started is never shown cancelled while it runs on and stores its result.
        if (jobs.finishQueued(id, JobState.CANCELLED, "cancelled before it started")) {
            Job cancelled = get(id);
            uploads.release(cancelled);
            return cancelled;
        }
        if (!jobs.requestCancel(id) && get(id).state().finished()) {
            throw new ApiException(HttpStatus.CONFLICT, "job " + id + " has already ended (" + get(id).state().code() + ")");
        }
        return get(id);
    }
}
