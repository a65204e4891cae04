package org.xiaoche.routing.network;

import com.graphhopper.routing.util.AllEdgesIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.LonLat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the import leaves out, on {@code cut-carriageway.osm}: its drawing gives every length below. */
class ImportReportTest {

    private static final double DEG_M = 111_194.93;
    private static final double LOOP_KM = 4 * 0.01 * DEG_M / 1000;
    private static final double DONGDA_KM = (0.02 + 0.01 + Math.hypot(0.01, 0.0005)) * DEG_M / 1000;
    private static final double ISLAND_KM = 0.01 * DEG_M / 1000;

    @TempDir
    Path dir;

    @Test
    void busReportNamesTheCutOneWayCarriagewaysAndTheIsland() {
        try (RoadNetwork network = TestNetworks.load("cut-carriageway.osm", dir, RoadNetwork.DEFAULT_MIN_NETWORK_SIZE)) {
            ImportReport report = network.importReport();
            assertEquals(RoadNetwork.DEFAULT_MIN_NETWORK_SIZE, report.minNetworkSize());
            ImportReport.ProfileReport bus = report.findProfile(NetworkProfiles.SCHOOL_BUS).orElseThrow();
            assertEquals(LOOP_KM, bus.usable_km(), LOOP_KM * 0.02, "only the loop is kept; the track is closed, not dropped");
            assertEquals(List.of("primary", "residential"), List.copyOf(bus.droppedByRoadClass_km().keySet()), "longest class first");
            assertEquals(DONGDA_KM, bus.droppedByRoadClass_km().get("primary"), DONGDA_KM * 0.02);
            assertEquals(ISLAND_KM, bus.droppedByRoadClass_km().get("residential"), ISLAND_KM * 0.02);
            assertEquals(DONGDA_KM + ISLAND_KM, bus.dropped_km(), 1e-9 + (DONGDA_KM + ISLAND_KM) * 0.02);

            assertEquals(2, bus.biggestDroppedRoads().size(), bus.biggestDroppedRoads().toString());
            ImportReport.DroppedRoad dongda = bus.biggestDroppedRoads().get(0);
            assertEquals("东大路", dongda.name());
            assertEquals("", dongda.ref());
            assertEquals("primary", dongda.roadClass());
            assertEquals(DONGDA_KM, dongda.km(), DONGDA_KM * 0.02);
            ImportReport.DroppedRoad island = bus.biggestDroppedRoads().get(1);
            assertEquals("孤岛路 X001", island.label());
            assertEquals("residential", island.roadClass());
        }
    }

    @Test
    void walkersOnlyLoseTheIslandBecauseOneWaysDoNotBindThem() {
        try (RoadNetwork network = TestNetworks.load("cut-carriageway.osm", dir, RoadNetwork.DEFAULT_MIN_NETWORK_SIZE)) {
            ImportReport.ProfileReport foot = network.importReport().findProfile(NetworkProfiles.FOOT).orElseThrow();
            assertEquals(Map.of("residential", foot.dropped_km()), foot.droppedByRoadClass_km());
            assertEquals(ISLAND_KM, foot.dropped_km(), ISLAND_KM * 0.02);
            double trackKm = 0.01 * DEG_M / 1000;
            assertEquals(LOOP_KM + DONGDA_KM + trackKm, foot.usable_km(), (LOOP_KM + DONGDA_KM + trackKm) * 0.02);
        }
    }

    @Test
    void warningLinesGiveEachClassAndTheLongestRoads() {
        try (RoadNetwork network = TestNetworks.load("cut-carriageway.osm", dir, RoadNetwork.DEFAULT_MIN_NETWORK_SIZE)) {
            List<String> lines = network.importReport().warningLines();
            assertEquals(List.of(
                    "school bus: 4.45 km of road class primary left out as isolated or one-way-cut-off pieces; no stops there and no bus snaps to them",
                    "school bus: 1.11 km of road class residential left out as isolated or one-way-cut-off pieces; no stops there and no bus snaps to them",
                    "school bus: longest roads left out: 东大路 (primary, 4.45 km), 孤岛路 X001 (residential, 1.11 km)",
                    "walking: 1.11 km of road class residential left out as small pieces cut off from the main walking network",
                    "walking: longest roads left out: 孤岛路 X001 (residential, 1.11 km)"), lines);
        }
    }

    @Test
    void droppedEdgesAreExactlyThoseBusSnapsIgnore() {
        try (RoadNetwork network = TestNetworks.load("cut-carriageway.osm", dir, RoadNetwork.DEFAULT_MIN_NETWORK_SIZE)) {
            ProfileRoads bus = ProfileRoads.of(network, NetworkProfiles.SCHOOL_BUS);
            AllEdgesIterator edge = network.baseGraph().getAllEdges();
            int dropped = 0;
            while (edge.next()) {
                if (bus.use(edge) == ProfileRoads.Use.DROPPED) {
                    dropped++;
                    assertTrue(List.of("东大路", "孤岛路").contains(edge.getName()), edge.getName());
                }
            }
            assertEquals(3, dropped, "two carriageways and the island");
            // A point on the eastbound carriageway, 1.1 km east of B: the bus snap goes back to the loop.
            var snap = network.snapForBus(new LonLat(0.02, 0.0));
            assertTrue(snap.isValid());
            assertEquals("环城路", snap.getClosestEdge().getName());
        }
    }

    @Test
    void aCachedLoadReportsWhatTheImportReported() throws Exception {
        ImportReport imported;
        Path graphDir;
        try (RoadNetwork network = TestNetworks.load("cut-carriageway.osm", dir, RoadNetwork.DEFAULT_MIN_NETWORK_SIZE)) {
            assertTrue(network.freshlyImported());
            imported = network.importReport();
            graphDir = network.graphDir();
        }
        assertTrue(Files.isRegularFile(graphDir.resolve(ImportReport.FILE_NAME)), "stored inside the graph folder");
        try (RoadNetwork again = TestNetworks.load("cut-carriageway.osm", dir, RoadNetwork.DEFAULT_MIN_NETWORK_SIZE)) {
            assertFalse(again.freshlyImported());
            assertEquals(imported, again.importReport());
        }
        // A folder built before reports were stored: the report comes from the graph's own marks.
        Files.delete(graphDir.resolve(ImportReport.FILE_NAME));
        try (RoadNetwork older = TestNetworks.load("cut-carriageway.osm", dir, RoadNetwork.DEFAULT_MIN_NETWORK_SIZE)) {
            assertEquals(imported, older.importReport());
        }
    }

    @Test
    void withoutSubnetworkSearchNothingIsReportedDropped() {
        try (RoadNetwork network = TestNetworks.load("cut-carriageway.osm", dir, 0)) {
            assertFalse(network.importReport().droppedAnything());
            assertTrue(network.importReport().warningLines().isEmpty());
        }
    }
}
