package org.xiaoche.web.system;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A request the API refuses, with the status and planner-readable message to answer with. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<ApiError.Problem> problems;
    private final String code;

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    public ApiException(HttpStatus status, String message, List<ApiError.Problem> problems) {
        this(status, null, message, problems);
    }

    /** {@code code}: a stable name for this refusal that pages translate (null: derived from the status). */
    public ApiException(HttpStatus status, String code, String message, List<ApiError.Problem> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public static ApiException coded(HttpStatus status, String code, String message) {
        return new ApiException(status, code, message, List.of());
    }

    /** Null when the status names the refusal well enough. */
    public String code() {
        return code;
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
