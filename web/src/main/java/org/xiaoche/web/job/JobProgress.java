package org.xiaoche.web.job;

import org.xiaoche.routing.progress.ProgressListener;

/**
 * The progress listener handed to a running step. The engine may report thousands of times a
 * second from several threads, so the job row is written at most every {@link #WRITE_INTERVAL_MS}
 * (and on every change of stage); each write also checks whether cancellation was requested.
 */
final class JobProgress implements ProgressListener {

    static final long WRITE_INTERVAL_MS = 300;

    private final long jobId;
    private final JobRepository jobs;
    private String lastStage;
    private long lastWrite_ms;
    private volatile boolean cancelled;

    JobProgress(long jobId, JobRepository jobs) {
        this.jobId = jobId;
        this.jobs = jobs;
    }

    @Override
    public void progress(String stage, double fractionDone) {
        if (cancelled) {
            throw new JobCancelledException(jobId);
        }
        synchronized (this) {
            long now_ms = System.currentTimeMillis();
            boolean newStage = !stage.equals(lastStage);
            if (!newStage && now_ms - lastWrite_ms < WRITE_INTERVAL_MS) {
                return;
            }
            lastStage = stage;
            lastWrite_ms = now_ms;
            double percent = Math.round(Math.max(0, Math.min(1, fractionDone)) * 1000) / 10.0;
            jobs.progress(jobId, stage, percent);
            if (jobs.isCancelRequested(jobId)) {
                cancelled = true;
                throw new JobCancelledException(jobId);
            }
        }
    }
}
