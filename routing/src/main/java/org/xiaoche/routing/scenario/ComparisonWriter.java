package org.xiaoche.routing.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A {@link Comparison} as JSON (fields in declaration order, map keys sorted) and as CSV (one row per
 * figure: {@code plan,section,key,field,value}, in the JSON's order). The same comparison always gives
 * the same bytes. {@link #publicView} drops the planner-only part (student ids) for public reports.
 */
public final class ComparisonWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final String CSV_HEADER = "plan,section,key,field,value";

    private ComparisonWriter() {
    }

    public static byte[] json(Comparison comparison) {
        try {
            return MAPPER.writeValueAsBytes(comparison);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("comparison could not be written as JSON", e);
        }
    }

    /** The comparison without any student id: what a public notice may show. */
    public static Comparison publicView(Comparison comparison) {
        return new Comparison(comparison.formatVersion(), comparison.baseline(), comparison.scenarios().stream()
                .map(s -> new Comparison.ScenarioComparison(s.name(), s.verdict(), s.figures(), s.differences(),
                        s.closedSchools(), s.receivingSchools(), new Comparison.PlannerOnly(List.of()))).toList());
    }

    /**
     * Long-format CSV: {@code plan} is the plan's name; {@code section} the part (figures, differences, verdict,
     * closed_school, receiving_school, planner_only); {@code key} the school, grade band or row within it.
     */
    public static byte[] csv(Comparison comparison) {
        JsonNode tree = MAPPER.valueToTree(comparison);
        List<String> rows = new ArrayList<>();
        rows.add(CSV_HEADER);
        flatten(rows, comparison.baseline().name(), "figures", "", tree.get("baseline"));
        for (JsonNode s : tree.get("scenarios")) {
            String name = s.get("name").asText();
            flatten(rows, name, "verdict", "", s.get("verdict"));
            flatten(rows, name, "figures", "", s.get("figures"));
            flatten(rows, name, "differences", "", s.get("differences"));
            for (JsonNode c : s.get("closedSchools")) {
                flatten(rows, name, "closed_school", c.get("schoolId").asText(), c);
            }
            for (JsonNode r : s.get("receivingSchools")) {
                flatten(rows, name, "receiving_school", r.get("schoolId").asText(), r);
            }
            int i = 0;
            for (JsonNode c : s.get("plannerOnly").get("largestJourneyChanges")) {
                flatten(rows, name, "planner_only", String.valueOf(++i), c);
            }
        }
        return (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static void write(Comparison comparison, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("comparison.json"), json(comparison));
        Files.write(dir.resolve("comparison.csv"), csv(comparison));
    }

    private static void flatten(List<String> rows, String plan, String section, String key, JsonNode node) {
        flatten(rows, plan, section, key, "", node);
    }

    private static void flatten(List<String> rows, String plan, String section, String key, String field, JsonNode node) {
        if (node.isObject()) {
            // Per grade band and per school: the band or school becomes the row's key.
            boolean mapOfStats = key.isEmpty() && (field.equals("journeysByGradeBand") || field.equals("journeysBySchool"));
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (mapOfStats) {
                    flatten(rows, plan, section, e.getKey(), field, e.getValue());
                } else {
                    flatten(rows, plan, section, key, field.isEmpty() ? e.getKey() : field + "." + e.getKey(), e.getValue());
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node) {
                flatten(rows, plan, section, key, field + "[" + i++ + "]", element);
            }
        } else {
            rows.add(String.join(",", cell(plan), section, cell(key), cell(field),
                    node.isNumber() || node.isBoolean() ? node.asText() : cell(node.isNull() ? "" : node.asText())));
        }
    }

    private static String cell(String text) {
        return CsvText.cell(text);
    }
}
