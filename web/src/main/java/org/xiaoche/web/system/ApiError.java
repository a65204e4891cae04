package org.xiaoche.web.system;

import java.util.List;

/**
 * The one error body of the API: HTTP status, its reason phrase, a message a planner can act on,
 * and for rejected uploads every problem with file, line and field.
 */
public record ApiError(int status, String error, String message, List<Problem> problems) {

    /** One reason an input was rejected; {@code line} 0 means the file as a whole. */
    public record Problem(String file, long line, String field, String reason) {
    }

    public ApiError {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
