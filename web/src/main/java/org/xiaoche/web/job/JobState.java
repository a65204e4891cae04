package org.xiaoche.web.job;

import java.util.Locale;

/** Where a job is in its life. Only {@link #QUEUED} and {@link #RUNNING} are unfinished. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Lower-case name used in the database and the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
