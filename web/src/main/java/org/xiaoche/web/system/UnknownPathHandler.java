package org.xiaoche.web.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/**
 * A path nothing serves: under {@code /api} the usual {@link ApiError} body with 404. (The static
 * file handler raises this, and {@link ApiErrorHandler} covers only our own controllers.)
 */
@RestControllerAdvice
public class UnknownPathHandler {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> notFound(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return ApiErrorHandler.error(HttpStatus.NOT_FOUND, "no such API path", "not-found", List.of());
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
}
