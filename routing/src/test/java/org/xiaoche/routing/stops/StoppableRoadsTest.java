package org.xiaoche.routing.stops;

import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.storage.index.Snap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.policy.PlanningPolicy;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which roads of bus-rules.osm a bus may stop on (see the comment in that file for its layout). */
class StoppableRoadsTest {

    @TempDir
    Path dir;

    @Test
    void busMayStopOnOrdinaryPavedRoadsOnly() {
        try (RoadNetwork network = TestNetworks.load("bus-rules.osm", dir)) {
            StoppableRoads roads = StoppableRoads.of(network);
            assertEquals(false, stoppableAt(network, roads, 0.0075, 0.0), "track");
            assertEquals(true, stoppableAt(network, roads, 0.005, 0.005), "paved unclassified road");
            assertEquals(false, stoppableAt(network, roads, 0.075, -0.01), "motorway");
            assertEquals(false, stoppableAt(network, roads, 0.0, -0.005), "motorway link");
            assertEquals(true, stoppableAt(network, roads, 0.0125, 0.02), "secondary road");
            assertEquals(false, stoppableAt(network, roads, 0.0525, 0.02), "bridge");
        }
    }

    @Test
    void policyDecidesTheRoadClassesAndPlacesWhereABusMayStop() {
        try (RoadNetwork network = TestNetworks.load("bus-rules.osm", dir)) {
            PlanningPolicy policy = PlanningPolicy.defaults().withStopRoads(List.of("unclassified"), List.of());
            StoppableRoads roads = StoppableRoads.of(network, policy);
            assertEquals(true, stoppableAt(network, roads, 0.005, 0.005), "unclassified road");
            assertEquals(false, stoppableAt(network, roads, 0.0125, 0.02), "secondary road, not listed");
            assertEquals(false, stoppableAt(network, roads, 0.0, -0.005), "motorway link, not listed");

            StoppableRoads onBridges = StoppableRoads.of(network, PlanningPolicy.defaults()
                    .withStopRoads(PlanningPolicy.DEFAULT_STOP_ROAD_CLASSES, List.of("tunnel")));
            assertEquals(true, stoppableAt(network, onBridges, 0.0525, 0.02), "bridge, allowed by this policy");
            assertEquals(false, stoppableAt(network, onBridges, 0.0075, 0.0), "a track never: the bus may not drive it");
            assertEquals(false, stoppableAt(network, onBridges, 0.075, -0.01), "a motorway never");
        }
    }

    private static boolean stoppableAt(RoadNetwork network, StoppableRoads roads, double lon, double lat) {
        Snap snap = network.graphHopper().getLocationIndex().findClosest(lat, lon, EdgeFilter.ALL_EDGES);
        assertEquals(0, snap.getQueryDistance(), 0.01, "a road passes through " + lon + ", " + lat);
        return roads.isStoppable(snap.getClosestEdge().getEdge());
    }
}
