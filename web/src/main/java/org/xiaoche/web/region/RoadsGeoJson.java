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
import org.xiaoche.routing.network.NetworkProfiles;
import org.xiaoche.routing.network.ProfileRoads;
import org.xiaoche.routing.network.RoadNetwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roads of a region as GeoJSON, drawn from our own graph so that the map needs no tile server
 * (no internet on planners' machines is fine). One LineString per graph edge with its
 * {@code road_class}, and in the bus selections its {@code name} when it has one; built once per
 * loaded network and selection, and kept.
 */
@Component
public class RoadsGeoJson {

    /** Which edges a collection holds. */
    public enum Selection {
        /** Every edge of the graph. */
        ALL,
        /** Edges the school bus may use and that are in a kept component: where buses can go and stop. */
        BUS_USABLE,
        /** Edges open to the school bus but left out with a small or one-way-isolated subnetwork. */
        BUS_DROPPED
    }

    private record Key(RoadNetwork network, Selection selection) {
    }

    private final Map<Key, byte[]> built = new ConcurrentHashMap<>();

    /** Every road edge. */
    public byte[] of(RoadNetwork network) {
        return of(network, Selection.ALL);
    }

    public byte[] of(RoadNetwork network, Selection selection) {
        return built.computeIfAbsent(new Key(network, selection), k -> write(k.network(), k.selection()));
    }

    public void forget(RoadNetwork network) {
        built.keySet().removeIf(k -> k.network() == network);
    }

    private static byte[] write(RoadNetwork network, Selection selection) {
        EnumEncodedValue<RoadClass> roadClass = network.graphHopper().getEncodingManager()
                .getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        ProfileRoads bus = ProfileRoads.of(network, NetworkProfiles.SCHOOL_BUS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            EdgeIterator edge = network.baseGraph().getAllEdges();
            while (edge.next()) {
                boolean wanted = switch (selection) {
                    case ALL -> true;
                    case BUS_USABLE -> bus.use(edge) == ProfileRoads.Use.USABLE;
                    case BUS_DROPPED -> bus.use(edge) == ProfileRoads.Use.DROPPED;
                };
                PointList points = edge.fetchWayGeometry(FetchMode.ALL);
                if (!wanted || points.size() < 2) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField("road_class", edge.get(roadClass).toString());
                String name = edge.getName();
                if (selection != Selection.ALL && name != null && !name.isBlank()) {
                    g.writeStringField("name", name.trim());
                }
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
