package org.xiaoche.routing.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import org.xiaoche.routing.geo.LonLat;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Streams one GeoJSON FeatureCollection (RFC 7946) in UTF-8: every GeoJSON file and response of
 * Xiaoche is written by this class. Each feature is written as {@code type}, {@code geometry},
 * {@code properties}, the properties in the order given; coordinates are WGS-84 longitude, latitude
 * rounded to {@value #COORDINATE_DECIMALS} decimals (about 1 cm). Text is escaped so that the output
 * is also safe inside HTML: {@code < > & '} and the line separators U+2028 and U+2029 are written as
 * {@code \}{@code u} escapes, so a school named {@code </script>} stays text wherever it lands.
 * {@link #close()} ends the collection and flushes; the stream stays open and belongs to the caller.
 */
public final class GeoJsonWriter implements Closeable {

    public static final int COORDINATE_DECIMALS = 7;
    private static final double SCALE = 1e7;
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** Writes the features of one collection. */
    @FunctionalInterface
    public interface Features {
        void writeTo(GeoJsonWriter geoJson) throws IOException;
    }

    private final JsonGenerator json;
    private boolean closed;

    /** Starts a FeatureCollection on {@code out}. */
    public GeoJsonWriter(OutputStream out) throws IOException {
        json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeArrayFieldStart("features");
    }

    /** A whole collection in memory, as a web response body. */
    public static byte[] toBytes(Features features) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonWriter geoJson = new GeoJsonWriter(out)) {
            features.writeTo(geoJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A whole collection written to {@code file} (created or replaced, owner-only and whole: {@link OutputFile}). */
    public static void write(Path file, Features features) throws IOException {
        OutputFile.write(file, out -> {
            try (GeoJsonWriter geoJson = new GeoJsonWriter(out)) {
                features.writeTo(geoJson);
            }
        });
    }

    /** A Point feature. */
    public void point(LonLat location, FeatureProperties properties) throws IOException {
        startFeature();
        json.writeStringField("type", "Point");
        json.writeFieldName("coordinates");
        position(location.lon(), location.lat());
        endFeature(properties);
    }

    /** A LineString feature; GeoJSON needs two positions or more. */
    public void lineString(List<LonLat> line, FeatureProperties properties) throws IOException {
        if (line.size() < 2) {
            throw new IllegalArgumentException("a LineString needs two positions or more, got " + line.size());
        }
        startFeature();
        json.writeStringField("type", "LineString");
        json.writeArrayFieldStart("coordinates");
        for (LonLat p : line) {
            position(p.lon(), p.lat());
        }
        json.writeEndArray();
        endFeature(properties);
    }

    /** Ends the collection and flushes; the stream is left open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }

    /** A coordinate as written: rounded half up to {@value #COORDINATE_DECIMALS} decimals. */
    public static double round(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }

    private void startFeature() throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
    }

    private void endFeature(FeatureProperties properties) throws IOException {
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : properties.asMap().entrySet()) {
            json.writeFieldName(e.getKey());
            Object value = e.getValue();
            if (value == null) {
                json.writeNull();
            } else if (value instanceof String s) {
                json.writeString(s);
            } else if (value instanceof Long l) {
                json.writeNumber(l);
            } else if (value instanceof Double d) {
                json.writeNumber(d);
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else {
                throw new IllegalStateException("not a property value: " + value.getClass());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void position(double lon, double lat) throws IOException {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            throw new IllegalArgumentException("a position must be finite: " + lon + ", " + lat);
        }
        json.writeStartArray();
        json.writeNumber(round(lon));
        json.writeNumber(round(lat));
        json.writeEndArray();
    }

    /** JSON's own escapes plus those that keep the text inert inside HTML and JavaScript. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[]{'<', '>', '&', '\''}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LINE_SEPARATOR : ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
        }
    }
}
