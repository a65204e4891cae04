package org.xiaoche.routing.network;

import com.graphhopper.routing.ev.RoadClass;
import org.junit.jupiter.api.Test;
import org.xiaoche.routing.geo.LonLat;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The roads of a route in order, by hand-made legs. */
class RouteRoadNamesTest {

    private static BusRouteGeometry.Leg leg(BusRouteGeometry.RoadStretch... roads) {
        LonLat p = new LonLat(121, 37);
        return new BusRouteGeometry.Leg(p, p, true, List.of(p, p), List.of(), List.of(roads), 0, 0);
    }

    private static BusRouteGeometry.RoadStretch road(String name, String ref, RoadClass c, double m) {
        return new BusRouteGeometry.RoadStretch(name, ref, c, m);
    }

    @Test
    void repeatsCollapseAcrossLegsAndShortLinksDoNotBreakARoad() {
        List<BusRouteGeometry.Leg> legs = List.of(
                leg(road("", "", RoadClass.UNCLASSIFIED, 300), road("王家路", "X012", RoadClass.TERTIARY, 800)),
                leg(road("王家路", "X012", RoadClass.TERTIARY, 400), road("", "", RoadClass.RESIDENTIAL, 30),
                        road("王家路", "X012", RoadClass.TERTIARY, 500), road("", "S203", RoadClass.SECONDARY, 2000),
                        road("育才路", "", RoadClass.RESIDENTIAL, 40)));
        List<RouteRoadNames.RoadOfRoute> roads = RouteRoadNames.of(legs, Locale.SIMPLIFIED_CHINESE);
        assertEquals(List.of("村道", "王家路(X012)", "S203", "育才路"), roads.stream().map(RouteRoadNames.RoadOfRoute::label).toList());
        assertEquals(1730, roads.get(1).length_m(), 1e-9, "the 30 m link counts towards the road it bridges");
        assertEquals(40, roads.get(3).length_m(), 1e-9, "a short last road is still a road of the route");
        assertEquals("village road", RouteRoadNames.of(List.of(leg(road("", "", RoadClass.UNCLASSIFIED, 10))), Locale.ENGLISH)
                .get(0).label());
    }
}
