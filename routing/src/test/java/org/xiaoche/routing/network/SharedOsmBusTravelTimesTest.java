package org.xiaoche.routing.network;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.progress.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bus matrices on real extracts from {@code ../shared/osm}, cross-checked cell by cell against
 * GraphHopper's own point-to-point {@code school_bus} routes for a random sample of pairs.
 */
class SharedOsmBusTravelTimesTest {

    private static final Path GRAPH_CACHE = Path.of("target", "graph-cache");
    private static final int POINTS = 150;
    private static final int SAMPLED_PAIRS = 400;

    @ParameterizedTest
    @ValueSource(strings = {"yuba-county-ca.osm.pbf", "andorra.osm.pbf"})
    void matrixAgreesWithPointToPointRoutes(String extract) {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        Path osmFile = osmDir.resolve(extract);
        Assumptions.assumeTrue(Files.isRegularFile(osmFile), SharedTestData.absentMessage("osm/" + extract));

        try (RoadNetwork network = RoadNetwork.importOrLoad(osmFile, GRAPH_CACHE, ProgressListener.NONE)) {
            List<LonLat> points = RandomBusPoints.sample(network, POINTS, 2024);
            BusTravelTimes matrix = new BusTravelTimeCalculator(network, 2).compute(points, 50);

            Random random = new Random(11);
            int reachable = 0;
            for (int k = 0; k < SAMPLED_PAIRS; k++) {
                int from = random.nextInt(POINTS), to = random.nextInt(POINTS);
                LonLat a = points.get(from), b = points.get(to);
                GHResponse response = network.graphHopper().route(new GHRequest(a.lat(), a.lon(), b.lat(), b.lon())
                        .setProfile(NetworkProfiles.SCHOOL_BUS));
                String cell = extract + " from " + from + " " + a + " to " + to + " " + b;
                if (response.hasErrors()) {
                    assertFalse(matrix.isReachable(from, to), cell + ": GraphHopper finds no route: " + response.getErrors());
                    continue;
                }
                reachable++;
                ResponsePath path = response.getBest();
                double route_s = path.getTime() / 1000.0;
                assertEquals(route_s, matrix.time_s(from, to), Math.max(1.0, 0.005 * route_s), cell);
                // Equally fast paths may differ in length; they are rare enough that 1 % suffices.
                assertEquals(path.getDistance(), matrix.distance_m(from, to), Math.max(5.0, 0.01 * path.getDistance()), cell);
            }
            assertTrue(reachable > SAMPLED_PAIRS * 0.8, "most sampled pairs are connected: " + reachable);
        }
    }

    /** Four points on each road: paths start, end and pass through roads that carry other points. */
    @ParameterizedTest
    @ValueSource(strings = {"yuba-county-ca.osm.pbf", "andorra.osm.pbf"})
    void matrixAgreesWithPointToPointRoutesWhenPointsShareRoads(String extract) {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        Path osmFile = osmDir.resolve(extract);
        Assumptions.assumeTrue(Files.isRegularFile(osmFile), SharedTestData.absentMessage("osm/" + extract));

        try (RoadNetwork network = RoadNetwork.importOrLoad(osmFile, GRAPH_CACHE, ProgressListener.NONE)) {
            List<LonLat> points = RandomBusPoints.sample(network, 30, 4, 99);
            BusTravelTimes matrix = new BusTravelTimeCalculator(network, 2).compute(points, 50);
            Random random = new Random(12);
            for (int k = 0; k < SAMPLED_PAIRS; k++) {
                // Half the pairs on the same road, half anywhere.
                int from = random.nextInt(points.size());
                int to = k % 2 == 0 ? from / 4 * 4 + random.nextInt(4) : random.nextInt(points.size());
                assertSameAsRoute(network, matrix, extract, from, to);
            }
        }
    }

    private static void assertSameAsRoute(RoadNetwork network, BusTravelTimes matrix, String extract, int from, int to) {
        LonLat a = matrix.point(from), b = matrix.point(to);
        GHResponse response = network.graphHopper().route(new GHRequest(a.lat(), a.lon(), b.lat(), b.lon())
                .setProfile(NetworkProfiles.SCHOOL_BUS));
        String cell = extract + " from " + from + " " + a + " to " + to + " " + b;
        if (response.hasErrors()) {
            assertFalse(matrix.isReachable(from, to), cell + ": GraphHopper finds no route: " + response.getErrors());
            return;
        }
        ResponsePath path = response.getBest();
        double route_s = path.getTime() / 1000.0;
        assertEquals(route_s, matrix.time_s(from, to), Math.max(1.0, 0.005 * route_s), cell);
        assertEquals(path.getDistance(), matrix.distance_m(from, to), Math.max(5.0, 0.01 * path.getDistance()), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"andorra.osm.pbf"})
    void oneThreadAndTwoThreadsGiveTheSameMatrix(String extract) {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        Path osmFile = osmDir.resolve(extract);
        Assumptions.assumeTrue(Files.isRegularFile(osmFile), SharedTestData.absentMessage("osm/" + extract));

        try (RoadNetwork network = RoadNetwork.importOrLoad(osmFile, GRAPH_CACHE, ProgressListener.NONE)) {
            List<LonLat> points = RandomBusPoints.sample(network, 80, 5);
            BusTravelTimes one = new BusTravelTimeCalculator(network, 1).compute(points, 50);
            BusTravelTimes two = new BusTravelTimeCalculator(network, 2).compute(points, 50);
            for (int from = 0; from < points.size(); from++) {
                double[] rowOne = new double[points.size()], rowTwo = new double[points.size()];
                for (int to = 0; to < points.size(); to++) {
                    rowOne[to] = one.time_s(from, to);
                    rowTwo[to] = two.time_s(from, to);
                }
                assertArrayEquals(rowOne, rowTwo, "row " + from);
            }
        }
    }
}
