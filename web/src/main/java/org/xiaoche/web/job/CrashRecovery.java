package org.xiaoche.web.job;

/**
 * What a feature cleans up after jobs that were cut off (their instance crashed, was killed or lost):
 * records left half-way (a region still "importing") and files left on disk (staging folders, upload
 * copies). Run at every start, after the jobs of dead instances are failed and before the queue runs,
 * and again when the queue finds a dead instance's job. Must be safe while other instances are running.
 */
public interface CrashRecovery {

    void recover();
}
