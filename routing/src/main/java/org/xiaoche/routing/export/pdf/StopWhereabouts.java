package org.xiaoche.routing.export.pdf;

import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.RouteRoadNames;

import java.util.Optional;

/**
 * Where a stop is, in words a family can follow: the nearest settlement with direction and distance
 * ({@code 王家庄东北约 600 米}, or just the place within {@value #AT_PLACE_M} m) and the road the bus stops
 * on ({@code X012旁}). Only the stop's own location is described; nothing about a home.
 */
final class StopWhereabouts {

    static final double AT_PLACE_M = 200;
    static final double PLACE_WITHIN_M = 10_000;
    /** Eight compass sectors counter-clockwise from east, as {@link PlaceNames#compassSector} numbers them. */
    private static final String[] ZH = {"东", "东北", "北", "西北", "西", "西南", "南", "东南"};
    private static final String[] EN = {"east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east"};

    private final RoadNetwork network;
    private final PlanText text;
    private final EnumEncodedValue<RoadClass> roadClass;

    StopWhereabouts(RoadNetwork network, PlanText text) {
        this.network = network;
        this.text = text;
        this.roadClass = network.graphHopper().getEncodingManager().getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
    }

    String describe(LonLat stop) {
        Lang lang = text.lang;
        StringBuilder out = new StringBuilder();
        Optional<PlaceNames.Place> place = network.placeNames().findNearest(stop, PLACE_WITHIN_M, p -> !p.kind().isSchool());
        if (place.isPresent()) {
            double d_m = PlaceNames.distance_m(place.get().location(), stop);
            if (d_m <= AT_PLACE_M) {
                out.append(lang.text("where.at", place.get().name()));
            } else {
                int sector = PlaceNames.compassSector(place.get().location(), stop);
                out.append(lang.text("where.near", place.get().name(), (lang == Lang.ZH ? ZH : EN)[sector], text.length(d_m)));
            }
        }
        Snap snap = network.snapForBus(stop);
        if (snap.isValid()) {
            EdgeIteratorState edge = snap.getClosestEdge();
            Object ref = edge.getValue("street_ref");
            String road = RouteRoadNames.label(new BusRouteGeometry.RoadStretch(edge.getName() == null ? "" : edge.getName().trim(),
                    ref == null ? "" : ref.toString().trim(), edge.get(roadClass), 0), lang.instructionLocale());
            if (!out.isEmpty()) {
                out.append(lang.text("where.sep"));
            }
            out.append(lang.text("where.road", road));
        }
        return out.toString();
    }
}
