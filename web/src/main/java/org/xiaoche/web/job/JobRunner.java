package org.xiaoche.web.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one job on a scheduler thread: claims its row, calls the matching {@link JobStep} and
 * records how it ended. A job whose row is no longer queued (cancelled, or failed by a restart)
 * is left alone, so a queue entry delivered twice never runs a job twice.
 */
@Component
public class JobRunner {

    /** Stored on a job whose end could not be written when it ended (the database was unreachable). */
    public static final String END_NOT_RECORDED = "interrupted: how it ended could not be recorded; start it again";

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** Pauses between attempts to record a job's end while the database is failing. */
    static final long[] RECORD_RETRY_MS = {200, 1_000, 3_000, 10_000};

    private final JobRepository jobs;
    private final ObjectProvider<JobStep> stepBeans;
    private final String worker;
    /** Jobs this process is running now: a redelivered entry for any other of ours had lost its end. */
    private final JobUploads uploads;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Map<String, JobStep> steps;
    long[] recordRetry_ms = RECORD_RETRY_MS;

    /** Steps are looked up on first use: they call services that submit jobs, which need this runner. */
    public JobRunner(JobRepository jobs, ObjectProvider<JobStep> stepBeans, Instances instances, JobUploads uploads) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.stepBeans = stepBeans;
        this.worker = instances.self();
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
        if (job == null) {
            return;
        }
        if (job.state() == JobState.RUNNING && worker.equals(job.worker()) && !inFlight.contains(jobId)) {
            // The queue delivered again a job whose end we could not write: it is not running any more.
            record(jobId, JobState.FAILED, END_NOT_RECORDED, JobResult.NONE);
            uploads.release(job);
            return;
        }
        if (!jobs.claim(jobId, worker)) {
            return;
        }
        inFlight.add(jobId);
        try {
            runClaimed(job);
        } finally {
            inFlight.remove(jobId);
            uploads.release(job);
        }
    }

    private void runClaimed(Job job) {
        long jobId = job.id();
        JobStep step = steps().get(job.kind());
        if (step == null) {
            record(jobId, JobState.FAILED, "no step runs jobs of kind " + job.kind(), JobResult.NONE);
            return;
        }
        JobResult result;
        try {
            // A cancel that came between the claim and here is honoured before any work (and any result) is done.
            if (jobs.isCancelRequested(jobId)) {
                throw new JobCancelledException(jobId);
            }
            log.info("job {} ({}) started", jobId, job.kind());
            result = step.run(new JobContext(jobId, job.params(), new JobProgress(jobId, jobs)));
        } catch (Throwable e) {
            if (causedByCancel(e)) {
                record(jobId, JobState.CANCELLED, "cancelled", JobResult.NONE);
                log.info("job {} ({}) cancelled", jobId, job.kind());
            } else if (JobFailures.refusal(e) != null) {
                // Bad input is the uploader's to fix, not a fault: the problems are kept for them, the log
                // gets their count only (they may name student ids).
                JobRefusedException refused = JobFailures.refusal(e);
                jobs.saveProblems(jobId, refused.problems());
                record(jobId, JobState.FAILED, refused.getMessage(), JobResult.NONE);
                log.info("job {} ({}) refused its input: {} problems", jobId, job.kind(), refused.problems().size());
            } else {
                // The exception's text may name server paths or student ids: users get the stage and a
                // generic reason (a bad OSM file its own reason, folders left out), the log the exception
                // classes and frames without their messages.
                String stage = stageOf(jobId);
                record(jobId, JobState.FAILED, JobFailures.userMessage(jobId, stage, e), JobResult.NONE);
                log.warn("job {} ({}) failed during {}: {}", jobId, job.kind(), stage, e.getClass().getName(),
                        JobFailures.withoutMessages(e));
            }
            if (e instanceof Error error) {
                // The job is recorded failed; an Error (out of memory above all) still goes on to the JVM's
                // own handling (e.g. -XX:+ExitOnOutOfMemoryError) instead of the process carrying on half-broken.
                throw error;
            }
            return;
        }
        record(jobId, JobState.SUCCEEDED, null, result == null ? JobResult.NONE : result);
        log.info("job {} ({}) succeeded", jobId, job.kind());
    }

    private String stageOf(long jobId) {
        try {
            return jobs.findById(jobId).map(Job::stage).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Writes how a job ended, retrying while the database fails: a job must never stay {@code running}
     * because one write failed. When every attempt fails the error goes to the queue, which delivers the
     * job again later; {@link #run} then fails it with {@link #END_NOT_RECORDED}.
     */
    private void record(long jobId, JobState state, String message, JobResult result) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= recordRetry_ms.length; attempt++) {
            try {
                jobs.finish(jobId, state, message, result);
                return;
            } catch (RuntimeException e) {
                last = e;
                log.warn("job {}: recording its end failed (attempt {}): {}", jobId, attempt + 1, e.getClass().getName());
                if (attempt < recordRetry_ms.length) {
                    pause(recordRetry_ms[attempt]);
                }
            }
        }
        throw last;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
