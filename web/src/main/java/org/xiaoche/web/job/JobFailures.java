package org.xiaoche.web.job;

import org.xiaoche.routing.network.NetworkImportException;

/**
 * What a failed job tells its users, and what the server log keeps of it. Exception messages may name
 * server paths, or carry student ids from a database constraint or a roster row, and every role reads
 * {@code /api/jobs/*} and {@code /api/regions}: users get the stage and a generic reason, the log gets
 * the exception classes and stack frames, never the messages.
 */
public final class JobFailures {

    private JobFailures() {
    }

    /** A path with at least one folder, absolute or relative (Unix or Windows separators): its folders are dropped. */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile(
            "(?:[A-Za-z]:)?(?:[^\\s:;,()'\"/\\\\]*[/\\\\])+([^\\s:;,()'\"/\\\\]+)");

    /**
     * The stored, user-facing message of a job that failed with {@code e}: for a bad OSM file (a
     * {@link NetworkImportException}, which is about the uploaded file and carries no student data)
     * its own message with folders left out of any path; for anything else the generic message.
     */
    public static String userMessage(long jobId, String stage, Throwable e) {
        JobRefusedException refused = refusal(e);
        if (refused != null) {
            return refused.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NetworkImportException && t.getMessage() != null && !t.getMessage().isBlank()) {
                return withoutFolders(t.getMessage());
            }
        }
        return userMessage(jobId, stage);
    }

    /** The refusal of its input that {@code e} is or was caused by; null when it is another failure. */
    public static JobRefusedException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    /** {@code text} with every path reduced to its file name. */
    static String withoutFolders(String text) {
        return PATH.matcher(text).replaceAll("$1");
    }

    /** The stored, user-facing message of a job that failed during {@code stage}. */
    public static String userMessage(long jobId, String stage) {
        return "failed" + (stage == null || stage.isBlank() ? "" : " during " + stage)
                + ": internal error (job " + jobId + "; details are in the server log)";
    }

    /**
     * A copy of {@code e} and its causes for the log: each one's class name as its message, its own
     * stack frames, no message text.
     */
    public static Throwable withoutMessages(Throwable e) {
        return scrub(e, 0);
    }

    private static Throwable scrub(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return null;
        }
        Throwable cause = e.getCause() == e ? null : e.getCause();
        Scrubbed copy = new Scrubbed(e.getClass().getName(), scrub(cause, depth + 1));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** Prints as the original class name, with the original frames. */
    private static final class Scrubbed extends RuntimeException {
        private final String className;

        Scrubbed(String className, Throwable cause) {
            super("(message left out of the log)", cause, false, true);
            this.className = className;
        }

        @Override
        public String toString() {
            return className + ": (message left out of the log)";
        }
    }
}
