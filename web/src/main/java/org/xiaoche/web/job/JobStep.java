package org.xiaoche.web.job;

/**
 * One kind of long work the service runs in the background: importing a region's roads, computing
 * eligibility, and later planning stops, routes and timetables. Each is a Spring bean; the job
 * runner picks the step whose {@link #kind()} matches the job. A step calls the plain engine in
 * {@code routing} and stores what it produced; it reports progress through {@link JobContext#progress()}
 * and stops with {@link JobCancelledException} when the job is cancelled.
 */
public interface JobStep {

    /** The job kind this step runs, e.g. {@code eligibility}; unique among steps. */
    String kind();

    /** Runs the job and returns what it produced; any exception fails the job with its message. */
    JobResult run(JobContext context) throws Exception;
}
