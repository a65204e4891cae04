package org.xiaoche.web.job;

import org.xiaoche.routing.progress.ProgressListener;

import java.util.Map;

/** What a {@link JobStep} gets: the job's id and parameters, and where to report progress. */
public record JobContext(long jobId, Map<String, String> params, ProgressListener progress) {

    /** A parameter that must be there. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("job " + jobId + " has no parameter '" + name + "'");
        }
        return value;
    }

    public long longParam(String name) {
        return Long.parseLong(param(name));
    }
}
