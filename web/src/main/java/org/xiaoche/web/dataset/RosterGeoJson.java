package org.xiaoche.web.dataset;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Schools and students as GeoJSON point features for the map. */
@Component
public class RosterGeoJson {

    public byte[] schools(List<School> schools) {
        return points(schools, School::location, s -> Map.of(
                "school_id", s.id(), "name", s.name() == null ? "" : s.name(), "level", s.level().name().toLowerCase(),
                "capacity", s.capacity(), "teaching_point", s.teachingPoint()));
    }

    public byte[] students(List<Student> students) {
        return points(students, Student::home, s -> Map.of(
                "student_id", s.id(), "school_id", s.schoolId(), "grade", s.grade(), "wheelchair", s.wheelchair()));
    }

    /** Point features with the given properties; values are strings, numbers or booleans. */
    public <T> byte[] points(List<T> items, Function<T, LonLat> location, Function<T, Map<String, Object>> properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (T item : items) {
                LonLat p = location.apply(item);
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                for (Map.Entry<String, Object> e : new java.util.TreeMap<>(properties.apply(item)).entrySet()) {
                    writeValue(g, e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(p.lon());
                g.writeNumber(p.lat());
                g.writeEndArray();
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

    private static void writeValue(JsonGenerator g, String name, Object value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else if (value instanceof Boolean b) {
            g.writeBooleanField(name, b);
        } else if (value instanceof Integer i) {
            g.writeNumberField(name, i);
        } else if (value instanceof Double d) {
            if (d.isNaN()) {
                g.writeNullField(name);
            } else {
                g.writeNumberField(name, Math.round(d * 10) / 10.0);
            }
        } else {
            g.writeStringField(name, value.toString());
        }
    }
}
