package org.xiaoche.routing.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.LonLat;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounded walks on village.osm: a straight road on the equator with nodes every 0.005 deg (555.97 m). */
class BoundedWalkSearchTest {

    private static final double DEG_M = 111_194.93;

    @TempDir
    Path dir;

    @Test
    void reachesExactlyTheJunctionsWithinTheBound() {
        try (RoadNetwork network = TestNetworks.load("village.osm", dir)) {
            // The road is one edge between its ends (lon 0 and lon 0.03): the nodes in between are not junctions.
            WalkPoint origin = network.findWalkPoint(new LonLat(0.0101, 0.0)).orElseThrow();
            BoundedWalkSearch search = new BoundedWalkSearch(network.walkingGraph());
            assertEquals(0, search.from(origin, 1_000).size());
            WalkReach west = search.from(origin, 1_200);
            assertEquals(1, west.size());
            assertEquals(0.0101 * DEG_M, west.nodeWalk_m(0), 0.05);
            WalkReach both = search.from(origin, 2_300);
            assertEquals(2, both.size());
            WalkPoint eastEnd = network.findWalkPoint(new LonLat(0.03, 0.0)).orElseThrow();
            assertEquals(0.0199 * DEG_M, both.walk_m(eastEnd), 0.05);
            assertTrue(Double.isInfinite(west.walk_m(eastEnd)), "beyond the bound");
        }
    }

    @Test
    void agreesWithTheUnboundedTreeForPointsOnEdges() {
        try (RoadNetwork network = TestNetworks.load("village.osm", dir)) {
            WalkPoint origin = network.findWalkPoint(new LonLat(0.0101, 0.0)).orElseThrow();
            BoundedWalkSearch search = new BoundedWalkSearch(network.walkingGraph());
            for (double lon : new double[]{0.0101, 0.0105, 0.013, 0.0171, 0.0042, 0.029}) {
                WalkPoint target = network.findWalkPoint(new LonLat(lon, 0.0001)).orElseThrow();
                double expected_m = Math.abs(lon - 0.0101) * DEG_M;
                double tree_m = ShortestWalkTree.towards(network.walkingGraph(), target).walk_m(origin);
                assertEquals(expected_m, tree_m, 0.05, "tree to " + lon);
                assertEquals(tree_m, search.from(origin, 2_500).walk_m(target), 0.01, "bounded to " + lon);
                if (expected_m > 1) {
                    assertTrue(Double.isInfinite(search.from(origin, expected_m - 1).walk_m(target)), "just beyond the bound " + lon);
                }
            }
            // The isolated lane is never reached.
            WalkPoint lane = network.findWalkPoint(new LonLat(0.012, 0.015)).orElseThrow();
            assertTrue(Double.isInfinite(search.from(origin, 100_000).walk_m(lane)));
        }
    }
}
