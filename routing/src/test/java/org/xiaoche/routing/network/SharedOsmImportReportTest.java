package org.xiaoche.routing.network;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import report on the real extracts: on Ninghua the one-way carriageways of 东大路, cut at the
 * extract's edge, are left out of the bus network, and the report must say so. Every other extract
 * (and the demo county) prints its figures, which the report must add up to consistently.
 */
class SharedOsmImportReportTest {

    private static final Path CACHE = Path.of("target", "graph-cache");

    @Test
    void ninghuaReportsTheOneWayCarriagewaysOfDongdaRoad() {
        Path osm = SharedTestData.dir("osm").map(d -> d.resolve("ninghua-fujian.osm")).filter(Files::isRegularFile).orElse(null);
        Assumptions.assumeTrue(osm != null, SharedTestData.absentMessage("osm/ninghua-fujian.osm"));
        try (RoadNetwork network = RoadNetwork.importOrLoad(osm, CACHE, ProgressListener.NONE)) {
            ImportReport.ProfileReport bus = network.importReport().findProfile(NetworkProfiles.SCHOOL_BUS).orElseThrow();
            print("ninghua-fujian.osm", network.importReport());
            ImportReport.DroppedRoad dongda = bus.biggestDroppedRoads().stream().filter(r -> r.name().equals("东大路"))
                    .findFirst().orElseThrow(() -> new AssertionError("东大路 not among dropped roads: " + bus.biggestDroppedRoads()));
            assertEquals("primary", dongda.roadClass());
            assertTrue(dongda.km() > 0.5, "东大路 dropped length " + dongda.km());
            assertTrue(network.importReport().warningLines().stream().anyMatch(l -> l.startsWith("school bus:") && l.contains("东大路")),
                    network.importReport().warningLines().toString());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExtractReportsConsistentFigures() throws IOException {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        List<Path> files;
        try (Stream<Path> list = Files.list(osmDir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.osm(\\.pbf|\\.gz)?$")).sorted().toList();
        }
        Path demo = DemoCounty.extractTo(Path.of("target", "demo-county")).resolve(DemoCounty.OSM_FILE);
        return Stream.concat(files.stream(), Stream.of(demo))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private static void check(Path osm) {
        try (RoadNetwork network = RoadNetwork.importOrLoad(osm, CACHE, ProgressListener.NONE)) {
            ImportReport report = network.importReport();
            print(osm.getFileName().toString(), report);
            assertEquals(RoadNetwork.DEFAULT_MIN_NETWORK_SIZE, report.minNetworkSize());
            for (ImportReport.ProfileReport p : report.profiles()) {
                double byClass = p.droppedByRoadClass_km().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(p.dropped_km(), byClass, 1e-9, p.profile() + ": classes add up to the total");
                assertTrue(p.usable_km() > p.dropped_km(), p.profile() + ": the kept network is the larger part");
                double named = p.biggestDroppedRoads().stream().mapToDouble(ImportReport.DroppedRoad::km).sum();
                assertTrue(named <= p.dropped_km() + 1e-9, p.profile() + ": named roads within the total");
            }
        }
    }

    private static void print(String name, ImportReport report) {
        for (ImportReport.ProfileReport p : report.profiles()) {
            System.out.printf(Locale.ROOT, "%s %s usable %.2f km dropped %.2f km %s%n", name, p.profile(), p.usable_km(),
                    p.dropped_km(), p.droppedByRoadClass_km());
        }
        report.warningLines().forEach(l -> System.out.println("  " + l));
    }
}
