package org.xiaoche.routing.network;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.LonLat;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bus travel-time matrices on {@code one-way-loop.osm}, against times worked out by hand. */
class BusTravelTimeCalculatorTest {

    private static final double DEG_M = 111_194.93;
    /** One 0.01-degree segment. */
    private static final double SEGMENT_M = 0.01 * DEG_M;
    /** One segment at 60 km/h: 66.717 s. */
    private static final double SEGMENT_S = SEGMENT_M / (60 / 3.6);
    private static final double INF = Double.POSITIVE_INFINITY;

    private static final LonLat A = new LonLat(0.0, 0.0);
    private static final LonLat MID_AB = new LonLat(0.005, 0.0);
    private static final LonLat C = new LonLat(0.02, 0.0);
    private static final LonLat MID_BC_ONE_WAY = new LonLat(0.015, 0.0);
    private static final LonLat MID_FG_ISOLATED = new LonLat(0.055, 0.05);
    /** 111 m north of the middle of A-B: snaps to the same place as {@link #MID_AB}. */
    private static final LonLat NEAR_MID_AB = new LonLat(0.005, 0.001);

    @TempDir
    Path dir;

    @Test
    void timesFollowOneWayStreetsFromTheMiddleOfEdges() {
        try (RoadNetwork network = TestNetworks.load("one-way-loop.osm", dir)) {
            List<LonLat> points = List.of(A, MID_AB, C, MID_BC_ONE_WAY, MID_FG_ISOLATED, NEAR_MID_AB);
            BusTravelTimes m = new BusTravelTimeCalculator(network, 2).compute(points, 500);

            // In segments: rows are "from", columns "to"; C → A must go round the loop C-E-D-B.
            double[][] expected_segments = {
                    {0, 0.5, 2, 1.5, INF, 0.5},
                    {0.5, 0, 1.5, 1, INF, 0},
                    {4, 3.5, 0, 3.5, INF, 3.5},
                    {4.5, 4, 0.5, 0, INF, 4},
                    {INF, INF, INF, INF, 0, INF},
                    {0.5, 0, 1.5, 1, INF, 0},
            };
            for (int from = 0; from < points.size(); from++) {
                for (int to = 0; to < points.size(); to++) {
                    double segments = expected_segments[from][to];
                    String cell = "from " + from + " to " + to;
                    if (segments == INF) {
                        assertFalse(m.isReachable(from, to), cell);
                        assertEquals(INF, m.time_s(from, to), cell);
                        assertEquals(INF, m.distance_m(from, to), cell);
                    } else {
                        assertTrue(m.isReachable(from, to), cell);
                        assertEquals(segments * SEGMENT_S, m.time_s(from, to), 0.05, cell);
                        assertEquals(segments * SEGMENT_M, m.distance_m(from, to), 0.5, cell);
                    }
                }
            }
            assertEquals(0, m.snapDistance_m(0), 0.01);
            assertEquals(0.001 * DEG_M, m.snapDistance_m(5), 0.5);
            assertEquals(NEAR_MID_AB, m.point(5));
        }
    }

    @Test
    void everyCellMatchesGraphHopperPointToPointRoutes() {
        try (RoadNetwork network = TestNetworks.load("one-way-loop.osm", dir)) {
            List<LonLat> points = List.of(A, MID_AB, C, MID_BC_ONE_WAY, new LonLat(0.02, -0.004),
                    new LonLat(0.013, -0.01), MID_FG_ISOLATED, new LonLat(0.01, 0.0));
            BusTravelTimes m = new BusTravelTimeCalculator(network, 1).compute(points, 500);
            for (int from = 0; from < points.size(); from++) {
                for (int to = 0; to < points.size(); to++) {
                    LonLat a = points.get(from), b = points.get(to);
                    GHResponse response = network.graphHopper().route(new GHRequest(a.lat(), a.lon(), b.lat(), b.lon())
                            .setProfile(NetworkProfiles.SCHOOL_BUS));
                    String cell = "from " + from + " to " + to;
                    if (response.hasErrors()) {
                        assertFalse(m.isReachable(from, to), cell + ": GraphHopper finds no route");
                    } else {
                        assertEquals(response.getBest().getTime() / 1000.0, m.time_s(from, to), 0.01, cell);
                        assertEquals(response.getBest().getDistance(), m.distance_m(from, to), 0.01, cell);
                    }
                }
            }
        }
    }

    @Test
    void manyPointsOnEveryRoadMatchGraphHopperPointToPointRoutes() {
        try (RoadNetwork network = TestNetworks.load("one-way-loop.osm", dir)) {
            // Towers, and four points on each of the five bus segments (A-B, B>C, C-E, E-D, D-B).
            double[][] ends = {{0, 0, 0.01, 0}, {0.01, 0, 0.02, 0}, {0.02, 0, 0.02, -0.01}, {0.02, -0.01, 0.01, -0.01}, {0.01, -0.01, 0.01, 0}};
            List<LonLat> points = new java.util.ArrayList<>(List.of(A, new LonLat(0.01, 0), C, new LonLat(0.01, -0.01), new LonLat(0.02, -0.01)));
            for (double[] e : ends) {
                for (double f : new double[]{0.2, 0.45, 0.5, 0.9}) {
                    points.add(new LonLat(e[0] + f * (e[2] - e[0]), e[1] + f * (e[3] - e[1])));
                }
            }
            BusTravelTimes m = new BusTravelTimeCalculator(network, 2).compute(points, 10);
            for (int from = 0; from < points.size(); from++) {
                for (int to = 0; to < points.size(); to++) {
                    LonLat a = points.get(from), b = points.get(to);
                    GHResponse response = network.graphHopper().route(new GHRequest(a.lat(), a.lon(), b.lat(), b.lon())
                            .setProfile(NetworkProfiles.SCHOOL_BUS));
                    String cell = "from " + from + " " + a + " to " + to + " " + b;
                    assertFalse(response.hasErrors(), cell + ": " + response.getErrors());
                    assertEquals(response.getBest().getTime() / 1000.0, m.time_s(from, to), 0.01, cell);
                    assertEquals(response.getBest().getDistance(), m.distance_m(from, to), 0.01, cell);
                }
            }
        }
    }

    @Test
    void pointsOffTheBusNetworkAreAllReportedWithIndexAndDistance() {
        try (RoadNetwork network = TestNetworks.load("one-way-loop.osm", dir)) {
            LonLat farNorth = new LonLat(0.005, 0.03);
            LonLat otherContinent = new LonLat(50, 50);
            OffBusNetworkException e = assertThrows(OffBusNetworkException.class,
                    () -> new BusTravelTimeCalculator(network).compute(List.of(A, farNorth, C, otherContinent), 500));
            assertEquals(2, e.points().size());
            OffBusNetworkPoint first = e.points().get(0), second = e.points().get(1);
            assertEquals(1, first.index());
            assertEquals(farNorth, first.point());
            assertEquals(0.03 * DEG_M, first.snapDistance_m(), 1);
            assertEquals(3, second.index());
            // Tiny graphs let the location index search everywhere; on real ones this may be +infinity.
            assertTrue(second.snapDistance_m() > 1_000_000, "snap distance " + second.snapDistance_m());
            assertTrue(e.getMessage().contains("#1 (0.005, 0.03): nearest bus road 3336 m away (limit 500 m)"), e.getMessage());
            assertTrue(e.getMessage().startsWith("2 of 4 points cannot be placed on the bus network: #1 "), e.getMessage());
            assertTrue(e.getMessage().contains("; #3 (50.0, 50.0): "), e.getMessage());
            assertEquals("#9 (1.0, 2.0): no bus road within search range",
                    new OffBusNetworkPoint(9, new LonLat(1, 2), INF, 500).describe());
        }
    }

    @Test
    void emptyAndSinglePointMatrices() {
        try (RoadNetwork network = TestNetworks.load("one-way-loop.osm", dir)) {
            BusTravelTimeCalculator calculator = new BusTravelTimeCalculator(network);
            assertEquals(0, calculator.compute(List.of(), 100).size());
            BusTravelTimes one = calculator.compute(List.of(MID_BC_ONE_WAY), 100);
            assertEquals(0, one.time_s(0, 0));
            assertEquals(0, one.distance_m(0, 0));
        }
    }
}
