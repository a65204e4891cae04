package org.xiaoche.routing.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The planner's words for why a JSON settings file (policy, fleet) did not read: file, line, field and
 * reason. Jackson's own messages name Java classes and types ({@code Fleet$BusTypeRow}, {@code `int`}),
 * which say nothing to a planner, so only positions, field names and our own checks' reasons are kept.
 */
public final class JsonFileErrors {

    private JsonFileErrors() {
    }

    /** {@code "<file>: line L, field 'a.b': reason"} for a file of kind {@code what} (e.g. "fleet"). */
    public static String describe(String fileName, String what, JsonProcessingException e) {
        StringBuilder where = new StringBuilder(fileName);
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            where.append(": line ").append(at.getLineNr());
        }
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (!field.isEmpty()) {
            where.append(", field '").append(field).append('\'');
        }
        return where + ": " + reason(what, e);
    }

    private static String reason(String what, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return "unknown " + what + " field '" + u.getPropertyName() + "'"
                    + (known == null || known.isEmpty() ? "" : " (known fields: " + String.join(", ", known.stream().map(String::valueOf).sorted().toList()) + ")");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException our) {
            // Our own checks (seats, costs, ids): their message is written for planners.
            return our.getMessage();
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getTargetType() == null) {
                return "the file is empty or holds no JSON object";
            }
            return "wrong kind of value: expected " + kind(m.getTargetType());
        }
        if (e instanceof JsonEOFException) {
            return "the file ends too early (a missing } or ]?)";
        }
        if (e instanceof JsonMappingException) {
            Throwable cause = e.getCause();
            return cause instanceof IllegalArgumentException our ? our.getMessage() : "a value that does not fit its field";
        }
        // A syntax error: Jackson's text names the character but is written for programmers; say what is usual.
        return "not valid JSON (a trailing comma, a missing quote or comma, or text after the end?)";
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum() || type.getName().startsWith("java.time.")) {
            return "a text in quotes";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ … ]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object { … }";
        }
        return "an object { … }";
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
