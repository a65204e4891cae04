package org.xiaoche.web.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xiaoche.web.system.XiaocheProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs one job on a scheduler thread: claims its row, calls the matching {@link JobStep} and
 * records how it ended. A job whose row is no longer queued (cancelled, or failed by a restart)
 * is left alone, so a queue entry delivered twice never runs a job twice.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository jobs;
    private final ObjectProvider<JobStep> stepBeans;
    private final String worker;
    private volatile Map<String, JobStep> steps;

    /** Steps are looked up on first use: they call services that submit jobs, which need this runner. */
    public JobRunner(JobRepository jobs, ObjectProvider<JobStep> stepBeans, XiaocheProperties properties) {
        this.jobs = jobs;
        this.stepBeans = stepBeans;
        this.worker = properties.instanceName();
    }

    public boolean knows(String kind) {
        return steps().containsKey(kind);
    }

    private Map<String, JobStep> steps() {
        if (steps == null) {
            Map<String, JobStep> byKind = new HashMap<>();
            stepBeans.orderedStream().forEach(step -> {
                if (byKind.put(step.kind(), step) != null) {
                    throw new IllegalStateException("two job steps for kind " + step.kind());
                }
            });
            steps = byKind;
        }
        return steps;
    }

    public void run(long jobId) {
        Job job = jobs.findById(jobId).orElse(null);
        if (job == null || !jobs.claim(jobId, worker)) {
            return;
        }
        JobStep step = steps().get(job.kind());
        if (step == null) {
            jobs.finish(jobId, JobState.FAILED, "no step runs jobs of kind " + job.kind(), JobResult.NONE);
            return;
        }
        log.info("job {} ({}) started", jobId, job.kind());
        try {
            JobResult result = step.run(new JobContext(jobId, job.params(), new JobProgress(jobId, jobs)));
            jobs.finish(jobId, JobState.SUCCEEDED, null, result == null ? JobResult.NONE : result);
            log.info("job {} ({}) succeeded", jobId, job.kind());
        } catch (Throwable e) {
            if (causedByCancel(e)) {
                jobs.finish(jobId, JobState.CANCELLED, "cancelled", JobResult.NONE);
                log.info("job {} ({}) cancelled", jobId, job.kind());
            } else {
                // The exception's text may name server paths or student ids: users get the stage and a
                // generic reason (a bad OSM file its own reason, folders left out), the log the exception
                // classes and frames without their messages.
                String stage = jobs.findById(jobId).map(Job::stage).orElse(null);
                jobs.finish(jobId, JobState.FAILED, JobFailures.userMessage(jobId, stage, e), JobResult.NONE);
                log.warn("job {} ({}) failed during {}: {}", jobId, job.kind(), stage, e.getClass().getName(),
                        JobFailures.withoutMessages(e));
            }
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        }
    }

    /** The engine's thread pools may wrap the cancel signal; look through the causes. */
    private static boolean causedByCancel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobCancelledException) {
                return true;
            }
        }
        return false;
    }
}
