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

import java.util.List;

/** Turns every failure of an API call into an {@link ApiError} body. */
@RestControllerAdvice(basePackages = "org.xiaoche.web")
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    public static ResponseEntity<ApiError> error(HttpStatusCode status, String message, List<ApiError.Problem> problems) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return ResponseEntity.status(status)
                .body(new ApiError(status.value(), known == null ? "" : known.getReasonPhrase(), message, problems));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return error(e.status(), e.getMessage(), e.problems());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
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
            return error(HttpStatus.UNPROCESSABLE_ENTITY, "the request was refused: 1 problem",
                    List.of(new ApiError.Problem("request", 0, field, "has the wrong type")));
        }
        return error(HttpStatus.BAD_REQUEST, "the request body is not valid JSON", List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> denied(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "your role may not do this", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse r) {
            // Spring MVC's own refusals (unknown path, wrong method, wrong media type) keep their status.
            String detail = r.getBody().getDetail();
            return error(r.getStatusCode(), detail == null ? e.getMessage() : detail, List.of());
        }
        // Logged with the class and message only: messages from our code never carry student homes.
        log.error("unexpected error: {}", e.toString(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the server log", List.of());
    }
}
