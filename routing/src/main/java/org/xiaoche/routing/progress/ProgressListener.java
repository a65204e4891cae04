package org.xiaoche.routing.progress;

/**
 * Receives the progress of long work: a stage name and the fraction done, 0..1, of the whole job.
 * Implementations must be cheap and thread-safe: stages may report from worker threads.
 */
@FunctionalInterface
public interface ProgressListener {

    void progress(String stage, double fractionDone);

    ProgressListener NONE = (stage, fraction) -> { };

    /** A listener that maps this stage's 0..1 onto [from, to] of the parent's scale. */
    default ProgressListener slice(double from, double to) {
        ProgressListener parent = this;
        return (stage, fraction) -> parent.progress(stage, from + (to - from) * Math.max(0, Math.min(1, fraction)));
    }
}
