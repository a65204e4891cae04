package org.xiaoche.routing.roster.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a GeoJSON FeatureCollection of Points. The table's columns are {@code lon} and {@code lat}
 * (from the geometry, which wins over any lon/lat properties) followed by every property name
 * that occurs in any feature; row numbers are 1-based feature numbers.
 */
final class GeoJsonTableReader implements TableReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Column> LOCATION = EnumSet.of(Column.LON, Column.LAT);

    @Override
    public void read(Path file, TableSink sink, ProblemList problems) throws IOException {
        FileHead head = FileHead.of(file);
        if (head.rejectAsText(problems)) {
            return;
        }
        if (head.firstNonBlank() != '{') {
            problems.fileProblem("the file is not a GeoJSON object (it does not start with '{')");
            return;
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            // Only the position is reported: the parser's message can quote file content.
            JsonLocation at = e.getLocation();
            problems.fileProblem("the file is not valid JSON" + (at == null ? ""
                    : " (near line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
            return;
        }
        JsonNode features = root.path("features");
        if (!"FeatureCollection".equals(root.path("type").asText()) || !features.isArray()) {
            problems.fileProblem("the file is not a GeoJSON FeatureCollection with a \"features\" array");
            return;
        }
        List<String> propertyNames = propertyNames(features);
        List<String> header = new ArrayList<>();
        header.add(Column.LON.canonical());
        header.add(Column.LAT.canonical());
        header.addAll(propertyNames);
        sink.header(0, header);
        for (int i = 0; i < features.size(); i++) {
            long featureNumber = i + 1L;
            JsonNode feature = features.get(i);
            JsonNode geometry = feature.path("geometry");
            JsonNode coordinates = geometry.path("coordinates");
            if (!"Point".equals(geometry.path("type").asText()) || !coordinates.isArray() || coordinates.size() < 2) {
                problems.add(featureNumber, "geometry", "the feature's geometry is not a Point with coordinates");
                continue;
            }
            List<String> cells = new ArrayList<>(header.size());
            cells.add(text(coordinates.get(0)));
            cells.add(text(coordinates.get(1)));
            JsonNode properties = feature.path("properties");
            for (String name : propertyNames) {
                cells.add(text(properties.get(name)));
            }
            sink.row(featureNumber, cells);
        }
    }

    /** Property names in first-seen order, minus lon/lat aliases (the geometry supplies those). */
    private static List<String> propertyNames(JsonNode features) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode feature : features) {
            Iterator<String> it = feature.path("properties").fieldNames();
            while (it.hasNext()) {
                String name = it.next();
                if (Column.named(name, LOCATION).isEmpty()) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }
}
