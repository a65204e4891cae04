package org.xiaoche.routing.roster.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
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
 * (from the geometry, which wins over any lon/lat properties) followed by every property that names a
 * roster column in any feature (other properties are ignored, as unknown CSV columns are); row numbers
 * are 1-based feature numbers.
 * <p>
 * Streaming, in two passes (one for the columns, one for the rows), one feature in memory at a time:
 * memory does not grow with the file, and work grows with features × roster columns, not with every
 * distinct property name a GIS tool wrote (which made a file of many features quadratic).
 */
final class GeoJsonTableReader implements TableReader {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).maxNestingDepth(64).build())
            .build());
    private static final Set<Column> LOCATION = EnumSet.of(Column.LON, Column.LAT);
    private static final Set<Column> PROPERTIES = EnumSet.complementOf(EnumSet.of(Column.LON, Column.LAT));

    /** What one pass does with each feature, numbered from 1. */
    private interface FeatureVisitor {
        void feature(long number, JsonNode feature);
    }

    @Override
    public void read(Path file, TableSink sink, ProblemList problems, ByteProgress progress) throws IOException {
        FileHead head = FileHead.of(file);
        if (head.rejectAsText(problems)) {
            return;
        }
        if (head.firstNonBlank() != '{') {
            problems.fileProblem("geojson-not-object", "the file is not a GeoJSON object (it does not start with '{')");
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        long[] features = {0};
        long size_bytes = Files.size(file);
        // Two passes over the file: the first (property names) is the cheaper, a third of the work.
        if (!pass(progress.counted(Files.newInputStream(file), 0, 0.33, size_bytes), problems,
                (number, feature) -> {
                    features[0] = number;
                    collectNames(feature, names);
                })) {
            return;
        }
        if (features[0] == 0) {
            problems.fileProblem("geojson-empty", "the FeatureCollection has no features");
            return;
        }
        List<String> propertyNames = new ArrayList<>(names);
        List<String> header = new ArrayList<>();
        header.add(Column.LON.canonical());
        header.add(Column.LAT.canonical());
        header.addAll(propertyNames);
        sink.header(0, header);
        pass(progress.counted(Files.newInputStream(file), 0.33, 1, size_bytes), problems, (featureNumber, feature) -> {
            JsonNode geometry = feature.path("geometry");
            JsonNode coordinates = geometry.path("coordinates");
            if (!"Point".equals(geometry.path("type").asText()) || !coordinates.isArray() || coordinates.size() < 2) {
                problems.add(featureNumber, "geometry", "geojson-not-point", "the feature's geometry is not a Point with coordinates");
                return;
            }
            List<String> cells = new ArrayList<>(header.size());
            cells.add(text(coordinates.get(0)));
            cells.add(text(coordinates.get(1)));
            JsonNode properties = feature.path("properties");
            for (String name : propertyNames) {
                cells.add(text(properties.get(name)));
            }
            sink.row(featureNumber, cells);
        });
    }

    /**
     * Reads the file once, handing each feature of the top-level {@code features} array to {@code visitor};
     * false (after recording the problem) when the file is not valid JSON or not a FeatureCollection.
     */
    private static boolean pass(InputStream file, ProblemList problems, FeatureVisitor visitor) throws IOException {
        boolean collection = false;
        boolean features = false;
        try (InputStream in = file; JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.fileProblem("geojson-not-object", "the file is not a GeoJSON object");
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field) && value == JsonToken.VALUE_STRING) {
                    collection = "FeatureCollection".equals(parser.getText());
                } else if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                    features = true;
                    long number = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode feature = JSON.readTree(parser);
                        visitor.feature(++number, feature == null ? JSON.nullNode() : feature);
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                problems.fileProblem("geojson-trailing-text", "the file has text after its GeoJSON object");
                return false;
            }
        } catch (JsonProcessingException e) {
            // Only the position is reported: the parser's message can quote file content.
            JsonLocation at = e.getLocation();
            long atLine = at == null ? 0 : at.getLineNr();
            problems.add(Math.max(0, atLine), "", "invalid-json", "the file is not valid JSON" + (at == null ? ""
                    : " (near line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), atLine, at == null ? 0 : at.getColumnNr());
            return false;
        }
        if (!collection || !features) {
            problems.fileProblem("geojson-no-features", "the file is not a GeoJSON FeatureCollection with a \"features\" array");
            return false;
        }
        return true;
    }

    /** Adds the feature's property names that name a roster column other than lon/lat (the geometry supplies those). */
    private static void collectNames(JsonNode feature, Set<String> names) {
        Iterator<String> it = feature.path("properties").fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!names.contains(name) && Column.named(name, LOCATION).isEmpty() && Column.named(name, PROPERTIES).isPresent()) {
                names.add(name);
            }
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }
}
