package org.xiaoche.routing.network;

import org.xiaoche.routing.geo.LonLat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bus route described by the roads it uses, in driving order, as the school-bus permit's route line
 * (行驶线路) reads: {@code X012 → 王家路 → 村道 → S203}. A road is called by its name and route number
 * ({@code 王家路(X012)}), or either alone, or by its class when it has neither; consecutive stretches
 * with the same label are one road, and a stretch shorter than {@value #SHORT_M} m between two stretches
 * of one road (a junction, a short link) does not break it.
 */
public final class RouteRoadNames {

    /** Stretches shorter than this are junction noise when the same road goes on after them. */
    public static final double SHORT_M = 60;

    private final BusRouteGeometry geometry;

    public RouteRoadNames(RoadNetwork network) {
        this.geometry = new BusRouteGeometry(network);
    }

    /** A road of the route and how far the bus drives on it this time. */
    public record RoadOfRoute(String label, double length_m) {
    }

    /** The roads the bus drives through {@code places} in order, labels in {@code locale} (Chinese or English). */
    public List<RoadOfRoute> through(List<LonLat> places, Locale locale) {
        return of(geometry.legs(places, locale), locale);
    }

    /** The labels alone of {@link #through}: the permit's 行驶线路 as text. */
    public List<String> labelsThrough(List<LonLat> places, Locale locale) {
        return through(places, locale).stream().map(RoadOfRoute::label).toList();
    }

    /** The roads of already routed legs, in order, repeats collapsed. */
    public static List<RoadOfRoute> of(List<BusRouteGeometry.Leg> legs, Locale locale) {
        List<RoadOfRoute> raw = new ArrayList<>();
        for (BusRouteGeometry.Leg leg : legs) {
            for (BusRouteGeometry.RoadStretch stretch : leg.roads()) {
                raw.add(new RoadOfRoute(label(stretch, locale), stretch.length_m()));
            }
        }
        List<RoadOfRoute> merged = collapse(raw);
        List<RoadOfRoute> out = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            RoadOfRoute r = merged.get(i);
            boolean bridged = r.length_m() < SHORT_M && i > 0 && i + 1 < merged.size()
                    && merged.get(i - 1).label().equals(merged.get(i + 1).label());
            if (bridged) {
                RoadOfRoute before = out.remove(out.size() - 1);
                out.add(new RoadOfRoute(before.label(), before.length_m() + r.length_m()));
            } else {
                out.add(r);
            }
        }
        return collapse(out);
    }

    private static List<RoadOfRoute> collapse(List<RoadOfRoute> roads) {
        List<RoadOfRoute> out = new ArrayList<>();
        for (RoadOfRoute r : roads) {
            RoadOfRoute last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.label().equals(r.label())) {
                out.set(out.size() - 1, new RoadOfRoute(last.label(), last.length_m() + r.length_m()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** {@code 王家路(X012)}, {@code 王家路}, {@code X012}, or the road class ({@code 村道} / {@code village road}). */
    public static String label(BusRouteGeometry.RoadStretch road, Locale locale) {
        if (!road.name().isEmpty() && !road.ref().isEmpty() && !road.name().equals(road.ref())) {
            return road.name() + "(" + road.ref() + ")";
        }
        if (!road.ref().isEmpty()) {
            return road.ref();
        }
        if (!road.name().isEmpty()) {
            return road.name();
        }
        return RoadClassNames.of(road.roadClass(), locale);
    }
}
