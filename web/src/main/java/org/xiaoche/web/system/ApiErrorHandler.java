package org.xiaoche.web.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.xiaoche.web.job.JobFailures;

import java.util.List;

/**
 * Turns every failure of an API call into an {@link ApiError} body. Only refusals we wrote
 * ({@link ApiException}: roster lines and fields, limits, unknown ids) keep their specific message;
 * anything else gets a generic message and a code, because exception text from libraries, the
 * database or the file system may name server paths or carry student ids (a constraint message
 * quotes the row). The log keeps the exception's classes and frames, not its message.
 */
@RestControllerAdvice(basePackages = "org.xiaoche.web")
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    public static ResponseEntity<ApiError> error(HttpStatusCode status, String message, List<ApiError.Problem> problems) {
        return error(status, message, null, problems);
    }

    /** {@code code} null: derived from the status. */
    public static ResponseEntity<ApiError> error(HttpStatusCode status, String message, String code, List<ApiError.Problem> problems) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return ResponseEntity.status(status)
                .body(new ApiError(status.value(), known == null ? "" : known.getReasonPhrase(), code, message, problems));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return error(e.status(), e.getMessage(), e.code(), e.problems());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "the parameter '" + e.getParameterName() + "' is missing", "missing-parameter", List.of());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, "the upload part '" + e.getRequestPartName() + "' is missing", "missing-part", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        return error(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' must be "
                + (type == null ? "of another type" : "a " + type.getSimpleName()), "invalid-parameter", List.of());
    }

    /** Our own code throws these with our words (e.g. an unknown role name); a library's text is not passed on. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
        log.info("bad request: {}", JobFailures.withoutMessages(e).toString());
        return error(HttpStatus.BAD_REQUEST, "the request is not valid", "bad-request", List.of());
    }

    /**
     * A JSON body that does not read: 422 naming the field when a value has the wrong type, 400 when
     * the body is not JSON at all.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "the request was refused: 1 problem", "invalid-field",
                    List.of(new ApiError.Problem("request", 0, field, "has the wrong type")));
        }
        return error(HttpStatus.BAD_REQUEST, "the request body is not the JSON this endpoint takes", "invalid-body", List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "your role may not do this", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse r) {
            // Spring MVC's own refusals (wrong method, wrong media type) keep their status, in our words.
            HttpStatusCode status = r.getStatusCode();
            HttpStatus known = HttpStatus.resolve(status.value());
            return error(status, known == null ? "the request was refused" : known.getReasonPhrase(), List.of());
        }
        log.error("unexpected error", JobFailures.withoutMessages(e));
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the server log", "internal-error", List.of());
    }
}
