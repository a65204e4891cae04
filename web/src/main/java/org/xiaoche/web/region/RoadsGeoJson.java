package org.xiaoche.web.region;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.network.RoadNetwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roads of a region as GeoJSON, drawn from our own graph so that the map needs no tile server
 * (no internet on planners' machines is fine). One LineString per graph edge with its
 * {@code road_class}; built once per loaded network and kept.
 */
@Component
public class RoadsGeoJson {

    private final Map<RoadNetwork, byte[]> built = new ConcurrentHashMap<>();

    public byte[] of(RoadNetwork network) {
        return built.computeIfAbsent(network, RoadsGeoJson::write);
    }

    public void forget(RoadNetwork network) {
        built.remove(network);
    }

    private static byte[] write(RoadNetwork network) {
        EnumEncodedValue<RoadClass> roadClass = network.graphHopper().getEncodingManager()
                .getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            EdgeIterator edge = network.baseGraph().getAllEdges();
            while (edge.next()) {
                PointList points = edge.fetchWayGeometry(FetchMode.ALL);
                if (points.size() < 2) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField("road_class", edge.get(roadClass).toString());
                g.writeEndObject();
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "LineString");
                g.writeArrayFieldStart("coordinates");
                for (int i = 0; i < points.size(); i++) {
                    g.writeStartArray();
                    g.writeNumber(Math.round(points.getLon(i) * 1e6) / 1e6);
                    g.writeNumber(Math.round(points.getLat(i) * 1e6) / 1e6);
                    g.writeEndArray();
                }
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
}
