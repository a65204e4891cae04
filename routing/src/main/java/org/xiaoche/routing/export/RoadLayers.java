package org.xiaoche.routing.export;

import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.NetworkProfiles;
import org.xiaoche.routing.network.ProfileRoads;
import org.xiaoche.routing.network.RoadNetwork;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The roads of a network as map layers, drawn from the graph itself so that a map needs no tile
 * server: one LineString per graph edge with its {@code road_class}; the bus layers add the edge's
 * {@code road_name} when it has one (the layer of every road leaves names out to stay small).
 */
public final class RoadLayers {

    /** Which edges a layer holds. */
    public enum Selection {
        /** Every edge of the graph. */
        ALL,
        /** Edges the school bus may use and that are in a kept component: where buses can go and stop. */
        BUS_USABLE,
        /** Edges open to the school bus but left out with a small or one-way-isolated subnetwork. */
        BUS_DROPPED
    }

    private RoadLayers() {
    }

    /** {@code road_class[, road_name]}: the name only when {@code withName} and the edge has one. */
    public static FeatureProperties properties(String roadClass, String name, boolean withName) {
        FeatureProperties p = new FeatureProperties().put("road_class", roadClass);
        if (withName && name != null && !name.isBlank()) {
            p.put("road_name", name.trim());
        }
        return p;
    }

    /** The edges of {@code selection} as features of {@code geoJson}. */
    public static void write(RoadNetwork network, Selection selection, GeoJsonWriter geoJson) throws IOException {
        EnumEncodedValue<RoadClass> roadClass = network.graphHopper().getEncodingManager()
                .getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        ProfileRoads bus = ProfileRoads.of(network, NetworkProfiles.SCHOOL_BUS);
        EdgeIterator edge = network.baseGraph().getAllEdges();
        while (edge.next()) {
            boolean wanted = switch (selection) {
                case ALL -> true;
                case BUS_USABLE -> bus.use(edge) == ProfileRoads.Use.USABLE;
                case BUS_DROPPED -> bus.use(edge) == ProfileRoads.Use.DROPPED;
            };
            if (!wanted) {
                continue;
            }
            PointList points = edge.fetchWayGeometry(FetchMode.ALL);
            if (points.size() < 2) {
                continue;
            }
            List<LonLat> line = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                line.add(new LonLat(points.getLon(i), points.getLat(i)));
            }
            geoJson.lineString(line, properties(edge.get(roadClass).toString(), edge.getName(), selection != Selection.ALL));
        }
    }
}
