package org.xiaoche.routing.plan.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.timetable.ClockTime;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of a list of edits, for requests and stored plan versions:
 * <pre>[{"type":"move-stop","stopId":"S1-001","lon":117.1,"lat":36.2},
 *  {"type":"move-student","studentId":"P7","toStopId":"S1-002"},
 *  {"type":"move-stop-to-run","stopId":"S1-003","fromRunId":"B01-AM1","toRunId":"B02-AM1","position":0},
 *  {"type":"reorder-run","runId":"B01-AM1","stopIds":["S1-002","S1-001"]},
 *  {"type":"set-bell","schoolId":"S1","bell":"07:50"}]</pre>
 * Reading refuses unknown types and fields and missing ones, naming the edit and the field.
 */
public final class PlanEditCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** At most this many edits in one list: a planner's session, not a bulk rewrite. */
    public static final int MAX_EDITS = 200;

    private PlanEditCodec() {
    }

    public static String toJson(List<PlanEdit> edits) {
        ArrayNode array = MAPPER.createArrayNode();
        for (PlanEdit edit : edits) {
            ObjectNode o = array.addObject();
            if (edit instanceof PlanEdit.MoveStop e) {
                o.put("type", "move-stop").put("stopId", e.stopId()).put("lon", e.to().lon()).put("lat", e.to().lat());
            } else if (edit instanceof PlanEdit.MoveStudent e) {
                o.put("type", "move-student").put("studentId", e.studentId()).put("toStopId", e.toStopId());
            } else if (edit instanceof PlanEdit.MoveStopToRun e) {
                o.put("type", "move-stop-to-run").put("stopId", e.stopId()).put("fromRunId", e.fromRunId())
                        .put("toRunId", e.toRunId()).put("position", e.position());
            } else if (edit instanceof PlanEdit.ReorderRun e) {
                o.put("type", "reorder-run").put("runId", e.runId());
                e.stopIds().forEach(o.putArray("stopIds")::add);
            } else if (edit instanceof PlanEdit.SetBell e) {
                o.put("type", "set-bell").put("schoolId", e.schoolId()).put("bell", ClockTime.hhmm(e.bell_s()));
            }
        }
        try {
            return MAPPER.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("edits could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException naming the edit (from 1) and the field that is wrong */
    public static List<PlanEdit> fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the edits are not JSON");
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("the edits must be a JSON list");
        }
        if (root.size() > MAX_EDITS) {
            throw new IllegalArgumentException("at most " + MAX_EDITS + " edits at once");
        }
        List<PlanEdit> edits = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            edits.add(read(root.get(i), i + 1));
        }
        return edits;
    }

    private static PlanEdit read(JsonNode o, int number) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("edit " + number + " is not an object");
        }
        String type = text(o, "type", number);
        return switch (type) {
            case "move-stop" -> {
                fields(o, number, Set.of("type", "stopId", "lon", "lat"));
                double lon = number(o, "lon", number), lat = number(o, "lat", number);
                if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
                    throw new IllegalArgumentException("edit " + number + ": lon/lat outside WGS-84");
                }
                yield new PlanEdit.MoveStop(text(o, "stopId", number), new LonLat(lon, lat));
            }
            case "move-student" -> {
                fields(o, number, Set.of("type", "studentId", "toStopId"));
                yield new PlanEdit.MoveStudent(text(o, "studentId", number), text(o, "toStopId", number));
            }
            case "move-stop-to-run" -> {
                fields(o, number, Set.of("type", "stopId", "fromRunId", "toRunId", "position"));
                JsonNode position = o.get("position");
                if (position == null || !position.isInt()) {
                    throw new IllegalArgumentException("edit " + number + ": position must be a whole number");
                }
                yield new PlanEdit.MoveStopToRun(text(o, "stopId", number), text(o, "fromRunId", number),
                        text(o, "toRunId", number), position.intValue());
            }
            case "reorder-run" -> {
                fields(o, number, Set.of("type", "runId", "stopIds"));
                JsonNode ids = o.get("stopIds");
                if (ids == null || !ids.isArray() || ids.size() > 1000) {
                    throw new IllegalArgumentException("edit " + number + ": stopIds must be a list of stop ids");
                }
                List<String> stopIds = new ArrayList<>();
                for (JsonNode id : ids) {
                    if (!id.isTextual()) {
                        throw new IllegalArgumentException("edit " + number + ": stopIds must be a list of stop ids");
                    }
                    stopIds.add(id.asText());
                }
                yield new PlanEdit.ReorderRun(text(o, "runId", number), stopIds);
            }
            case "set-bell" -> {
                fields(o, number, Set.of("type", "schoolId", "bell"));
                String bell = text(o, "bell", number);
                try {
                    yield new PlanEdit.SetBell(text(o, "schoolId", number), LocalTime.parse(bell).toSecondOfDay());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("edit " + number + ": bell must be a time of day as HH:mm");
                }
            }
            default -> throw new IllegalArgumentException("edit " + number + ": unknown type (move-stop, move-student, "
                    + "move-stop-to-run, reorder-run, set-bell)");
        };
    }

    private static void fields(JsonNode o, int number, Set<String> allowed) {
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("edit " + number + ": unknown field " + (name.length() > 40 ? name.substring(0, 40) : name));
            }
        }
    }

    private static String text(JsonNode o, String field, int number) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > 200) {
            throw new IllegalArgumentException("edit " + number + ": " + field + " is missing or not text");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field, int number) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("edit " + number + ": " + field + " must be a number");
        }
        return v.asDouble();
    }
}
