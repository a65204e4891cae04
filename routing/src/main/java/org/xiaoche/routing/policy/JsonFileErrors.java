package org.xiaoche.routing.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.xiaoche.routing.roster.io.ImportProblem;

import java.util.Collection;
import java.util.List;

/**
 * The planner's words for why a JSON settings file (policy, fleet) did not read: file, line, field and
 * reason. Jackson's own messages name Java classes and types ({@code Fleet$BusTypeRow}, {@code `int`}),
 * which say nothing to a planner, so only positions, field names and our own checks' reasons are kept.
 */
public final class JsonFileErrors {

    private JsonFileErrors() {
    }

    /**
     * The refusal of file {@code fileName} of kind {@code what} (e.g. "fleet"): the message
     * {@code "<file>: line L, field 'a.b': reason"}, and the problem with its field and code. A problem
     * that names a field gives no line: the field is what a planner (or a form) can find.
     */
    public static SettingsFileException refusal(String fileName, String what, JsonProcessingException e) {
        StringBuilder where = new StringBuilder(fileName);
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        if (line > 0) {
            where.append(": line ").append(line);
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (!field.isEmpty()) {
            where.append(", field '").append(field).append('\'');
        }
        SettingException reason = reason(what, e);
        String message = where + ": " + reason.getMessage();
        // Our own check may name the setting inside the object Jackson was building (termCalendar.lastDay).
        String problemField = !reason.field().isEmpty() && reason.field().startsWith(field) ? reason.field() : field;
        ImportProblem problem = new ImportProblem(fileName, problemField.isEmpty() ? line : 0, problemField, reason.getMessage(),
                reason.problem().code(), reason.args());
        return new SettingsFileException(message, List.of(problem), e);
    }

    private static SettingException reason(String what, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            String knownList = known == null || known.isEmpty() ? "" : String.join(", ", known.stream().map(String::valueOf).sorted().toList());
            return new SettingException("", SettingProblem.UNKNOWN_FIELD, "unknown " + what + " field '" + u.getPropertyName() + "'"
                    + (knownList.isEmpty() ? "" : " (known fields: " + knownList + ")"), u.getPropertyName(), knownList);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException our) {
            // Our own checks (seats, costs, ids): their message is written for planners.
            return coded(our);
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getTargetType() == null) {
                return new SettingException("", SettingProblem.NOT_A_JSON_OBJECT, "the file is empty or holds no JSON object");
            }
            return kind(m.getTargetType());
        }
        if (e instanceof JsonEOFException || e.getCause() instanceof JsonEOFException) {
            return new SettingException("", SettingProblem.JSON_ENDS_EARLY, "the file ends too early (a missing } or ]?)");
        }
        if (e instanceof JsonMappingException) {
            Throwable cause = e.getCause();
            return cause instanceof IllegalArgumentException our ? coded(our)
                    : new SettingException("", SettingProblem.VALUE_DOES_NOT_FIT, "a value that does not fit its field");
        }
        // A syntax error: Jackson's text names the character but is written for programmers; say what is usual.
        JsonLocation at = e.getLocation();
        return new SettingException("", SettingProblem.INVALID_JSON,
                "not valid JSON (a trailing comma, a missing quote or comma, or text after the end?)",
                at == null ? "?" : Integer.toString(at.getLineNr()), at == null ? "?" : Integer.toString(at.getColumnNr()));
    }

    private static SettingException coded(IllegalArgumentException e) {
        return e instanceof SettingException s ? s
                : new SettingException("", SettingProblem.INVALID_SETTING, String.valueOf(e.getMessage()));
    }

    private static SettingException kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return expected(SettingProblem.EXPECTED_WHOLE_NUMBER, "a whole number");
        }
        if (type == double.class || type == Double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return expected(SettingProblem.EXPECTED_NUMBER, "a number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return expected(SettingProblem.EXPECTED_TRUE_FALSE, "true or false");
        }
        if (type == String.class || type.isEnum() || type.getName().startsWith("java.time.")) {
            return expected(SettingProblem.EXPECTED_TEXT, "a text in quotes");
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            return expected(SettingProblem.EXPECTED_LIST, "a list [ … ]");
        }
        return expected(SettingProblem.EXPECTED_OBJECT, "an object { … }");
    }

    private static SettingException expected(SettingProblem problem, String kind) {
        return new SettingException("", problem, "wrong kind of value: expected " + kind);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
