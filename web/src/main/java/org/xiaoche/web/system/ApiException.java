package org.xiaoche.web.system;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A request the API refuses, with the status and planner-readable message to answer with. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<ApiError.Problem> problems;

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public ApiException(HttpStatus status, String message, List<ApiError.Problem> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ApiException notFound(String what, long id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
    }

    public HttpStatus status() {
        return status;
    }

    public List<ApiError.Problem> problems() {
        return problems;
    }
}
