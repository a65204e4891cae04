package org.xiaoche.web.job;

/** What a finished job produced, for clients to open: e.g. type {@code eligibility-run}, id 7. */
public record JobResult(String type, Long id) {

    public static final JobResult NONE = new JobResult(null, null);
}
