package org.xiaoche.web.system;

import org.xiaoche.routing.roster.io.ImportProblem;

import java.util.List;
import java.util.Locale;

/**
 * The one error body of the API: HTTP status, its reason phrase, a stable {@code code} a client can
 * branch on, a message a planner can act on, and for rejected uploads every problem with file, line
 * and field. Messages are our own words; exception text from libraries, the database or the file
 * system never reaches them (it may carry server paths or student ids).
 */
public record ApiError(int status, String error, String code, String message, List<Problem> problems) {

    /**
     * One reason an input was rejected; {@code line} 0 means the file as a whole. {@code code} (null when
     * there is none) and {@code args} let a page say the reason in its own language; {@code reason} is English.
     */
    public record Problem(String file, long line, String field, String reason, String code, List<String> args) {
        public Problem {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public Problem(String file, long line, String field, String reason) {
            this(file, line, field, reason, null, List.of());
        }

        /** An engine's problem of an input file (roster, policy, fleet), named {@code file} as the caller gave it. */
        public static Problem of(ImportProblem p, String file) {
            return new Problem(file, p.line(), p.field(), p.reason(), p.code(), p.args());
        }
    }

    public ApiError {
        problems = problems == null ? List.of() : List.copyOf(problems);
        code = code == null || code.isBlank() ? codeOf(error) : code;
    }

    /** An error whose code is its reason phrase in lower case with dashes, e.g. {@code not-found}. */
    public ApiError(int status, String error, String message, List<Problem> problems) {
        this(status, error, null, message, problems);
    }

    static String codeOf(String reasonPhrase) {
        return reasonPhrase == null || reasonPhrase.isBlank() ? "error"
                : reasonPhrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
