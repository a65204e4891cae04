package org.xiaoche.web.job;

import org.xiaoche.web.system.ApiError;

import java.util.List;

/**
 * A job refused its input (a rejected roster file): the job fails with this message and these problems,
 * which are our own words (file, line, field, reason; never a student's home), unlike other failures,
 * whose text is kept from users. The message is shown to everyone who may see the job; the problems,
 * which may name the uploader's student ids, only to the user who started it.
 */
public final class JobRefusedException extends RuntimeException {

    private final List<ApiError.Problem> problems;

    public JobRefusedException(String message, List<ApiError.Problem> problems) {
        super(message, null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ApiError.Problem> problems() {
        return problems;
    }
}
