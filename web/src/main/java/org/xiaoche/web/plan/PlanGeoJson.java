package org.xiaoche.web.plan;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.xiaoche.routing.geo.LonLat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A plan's stops, runs and riders as GeoJSON features; properties are strings, numbers, booleans or null. */
final class PlanGeoJson {

    private PlanGeoJson() {
    }

    static <T> byte[] points(List<T> items, Function<T, LonLat> location, Function<T, Map<String, Object>> properties) {
        return collection(items, (g, item) -> {
            LonLat p = location.apply(item);
            g.writeStringField("type", "Point");
            g.writeArrayFieldStart("coordinates");
            coordinate(g, p);
            g.writeEndArray();
        }, properties);
    }

    static <T> byte[] lines(List<T> items, Function<T, List<LonLat>> line, Function<T, Map<String, Object>> properties) {
        return collection(items, (g, item) -> {
            g.writeStringField("type", "LineString");
            g.writeArrayFieldStart("coordinates");
            for (LonLat p : line.apply(item)) {
                g.writeStartArray();
                coordinate(g, p);
                g.writeEndArray();
            }
            g.writeEndArray();
        }, properties);
    }

    private interface GeometryWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    private static <T> byte[] collection(List<T> items, GeometryWriter<T> geometry, Function<T, Map<String, Object>> properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (T item : items) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, Object> e : properties.apply(item).entrySet()) {
                    value(g, e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeObjectFieldStart("geometry");
                geometry.write(g, item);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void coordinate(JsonGenerator g, LonLat p) throws IOException {
        // 7 decimals is about 1 cm: enough for a map, and smaller responses for 100,000 points.
        g.writeNumber(Math.round(p.lon() * 1e7) / 1e7);
        g.writeNumber(Math.round(p.lat() * 1e7) / 1e7);
    }

    private static void value(JsonGenerator g, String name, Object value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else if (value instanceof Boolean b) {
            g.writeBooleanField(name, b);
        } else if (value instanceof Integer i) {
            g.writeNumberField(name, i);
        } else if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                g.writeNullField(name);
            } else {
                g.writeNumberField(name, Math.round(d * 10) / 10.0);
            }
        } else {
            g.writeStringField(name, value.toString());
        }
    }
}
