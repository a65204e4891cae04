package org.xiaoche.routing.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.xiaoche.routing.geo.LonLat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void coordinatesAreRoundedToSevenDecimals() throws Exception {
        byte[] bytes = GeoJsonWriter.toBytes(g -> {
            g.point(new LonLat(117.123456789, 31.00000004), new FeatureProperties());
            g.lineString(List.of(new LonLat(-0.00000006, 0.12345675), new LonLat(1, 2)), new FeatureProperties());
        });
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("[117.1234568,31.0]"), text);
        assertTrue(text.contains("[[-1.0E-7,0.1234568],[1.0,2.0]]"), text);
        JsonNode collection = JSON.readTree(bytes);
        assertEquals("FeatureCollection", collection.get("type").asText());
        assertEquals("Point", collection.at("/features/0/geometry/type").asText());
        assertEquals(-1e-7, collection.at("/features/1/geometry/coordinates/0/0").asDouble());
    }

    @Test
    void featuresAndPropertiesKeepTheirOrder() throws Exception {
        FeatureProperties p = new FeatureProperties().put("zeta", "z").put("alpha", 1).put("mid", true)
                .put("length_km", 12.3456, 1).put("walk_m", 99.5, 0).put("unknown_m", Double.NaN, 0).put("none", (String) null);
        assertEquals(List.of("zeta", "alpha", "mid", "length_km", "walk_m", "unknown_m", "none"), p.keys());
        JsonNode feature = JSON.readTree(GeoJsonWriter.toBytes(g -> g.point(new LonLat(1, 2), p))).at("/features/0");
        List<String> featureKeys = new ArrayList<>();
        feature.fieldNames().forEachRemaining(featureKeys::add);
        assertEquals(List.of("type", "geometry", "properties"), featureKeys);
        List<String> keys = new ArrayList<>();
        feature.get("properties").fieldNames().forEachRemaining(keys::add);
        assertEquals(p.keys(), keys);
        assertEquals(12.3, feature.at("/properties/length_km").asDouble());
        assertTrue(feature.at("/properties/walk_m").isIntegralNumber());
        assertEquals(100, feature.at("/properties/walk_m").asLong());
        assertTrue(feature.at("/properties/unknown_m").isNull(), "NaN is written as null");
        assertTrue(feature.at("/properties/none").isNull());
    }

    @Test
    void hostileTextStaysTextEvenInsideHtml() throws Exception {
        String hostile = "</script><img src=x onerror=\"alert('x')\"> & \\ 村小\u2028";
        byte[] bytes = GeoJsonWriter.toBytes(g -> g.point(new LonLat(1, 2), new FeatureProperties().put("school_name", hostile)));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.contains("<") || text.contains(">") || text.contains("&") || text.contains("'"), text);
        assertFalse(text.contains("\u2028"), "line separators are escaped: " + text);
        assertTrue(text.contains("\\u003C/script\\u003E"), text);
        assertTrue(text.contains("村小"), "other text is plain UTF-8: " + text);
        assertEquals(hostile, JSON.readTree(bytes).at("/features/0/properties/school_name").asText(), "reads back unchanged");
    }

    @Test
    void anEmptyCollectionIsValid() throws Exception {
        JsonNode collection = JSON.readTree(GeoJsonWriter.toBytes(g -> { }));
        assertEquals(0, collection.get("features").size());
    }

    @Test
    void refusesWhatGeoJsonCannotSay() {
        assertThrows(IllegalArgumentException.class, () -> GeoJsonWriter.toBytes(g ->
                g.lineString(List.of(new LonLat(1, 2)), new FeatureProperties())));
        assertThrows(IllegalArgumentException.class, () -> GeoJsonWriter.toBytes(g ->
                g.point(new LonLat(Double.NaN, 2), new FeatureProperties())));
        assertThrows(IllegalArgumentException.class, () -> new FeatureProperties().put("a", 1).put("a", 2));
    }
}
