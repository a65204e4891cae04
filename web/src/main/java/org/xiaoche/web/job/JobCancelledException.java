package org.xiaoche.web.job;

/** Thrown from a progress report when the job's cancellation was requested: unwinds the engine. */
public final class JobCancelledException extends RuntimeException {

    public JobCancelledException(long jobId) {
        super("job " + jobId + " was cancelled", null, false, false);
    }
}
