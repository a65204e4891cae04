package org.xiaoche.web.system;

import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one JSON request body, each naming its field, answered together as 422 (as an
 * upload's are): the caller fixes every field at once.
 */
public final class FieldProblems {

    private static final String FILE = "request";

    private final List<ApiError.Problem> problems = new ArrayList<>();

    public FieldProblems add(String field, String reason) {
        problems.add(new ApiError.Problem(FILE, 0, field, reason));
        return this;
    }

    /** A problem with a stable {@code code} and its values, which pages word from {@code js.problem.<code>}. */
    public FieldProblems add(String field, String reason, String code, Object... args) {
        problems.add(new ApiError.Problem(FILE, 0, field, reason, code,
                java.util.Arrays.stream(args).map(String::valueOf).toList()));
        return this;
    }

    /** The trimmed text, or null (with a problem when {@code required}); longer than {@code max} is a problem. */
    public String text(String field, String value, boolean required, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                add(field, "is required", "required");
            }
            return null;
        }
        if (trimmed.length() > max) {
            add(field, "is longer than " + max + " characters", "too-long", max);
        }
        return trimmed;
    }

    /** An ISO date ({@code 2026-09-01}); null with a problem when missing or not one. */
    public LocalDate date(String field, String value) {
        String text = text(field, value, true, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(field, "is not a date as YYYY-MM-DD: '" + text + "'", "not-a-date", text);
            return null;
        }
    }

    /**
     * @throws ApiException 422 with every problem, when there is any
     */
    public void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, what + " was refused: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems"), problems);
        }
    }
}
