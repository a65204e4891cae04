package org.xiaoche.routing.eligibility;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.exceptions.PointOutOfBoundsException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.NetworkProfiles;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every real extract in {@code ../shared/osm}: import it, place schools and homes beside
 * residential roads, compute eligibility and check walking distances against GraphHopper's own
 * point-to-point foot routes (1 % or 10 m, for at least 99 % of students).
 */
class SharedOsmEligibilityTest {

    private static final Path GRAPH_CACHE = Path.of("target", "graph-cache");

    @TestFactory
    Stream<DynamicTest> everySharedExtract() throws IOException {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        List<Path> files;
        try (Stream<Path> list = Files.list(osmDir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.osm(\\.pbf|\\.gz)?$")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no OSM files in " + osmDir);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private static void check(Path osmFile) {
        try (RoadNetwork network = RoadNetwork.importOrLoad(osmFile, GRAPH_CACHE, ProgressListener.NONE)) {
            assertTrue(network.nodeCount() > 10, "graph has nodes");
            List<LonLat> beside = TestNetworks.pointsBesideResidentialRoads(network, 404, new Random(7));
            assertTrue(beside.size() >= 40, "found residential roads in " + osmFile.getFileName());
            List<School> schools = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                schools.add(new School("S" + i, "school " + i, SchoolLevel.NINE_YEAR, beside.get(i), 0,
                        LocalTime.of(8, 0), LocalTime.of(16, 0), false));
            }
            List<Student> students = new ArrayList<>();
            for (int i = 4; i < beside.size(); i++) {
                students.add(new Student("P" + i, "S" + (i % 4), 5, beside.get(i), false));
            }
            EligibilityResult result = new EligibilityCalculator(network).compute(schools, students,
                    PlanningPolicy.defaults(), ProgressListener.NONE);
            assertEquals(students.size(), result.students().size());
            long reachable = result.students().stream().filter(e -> e.status() != EligibilityStatus.UNREACHABLE).count();
            assertTrue(reachable > 0, "some students reachable");

            int compared = 0, agreed = 0;
            for (StudentEligibility e : result.students()) {
                if (e.status() == EligibilityStatus.UNREACHABLE || compared >= 120) {
                    continue;
                }
                LonLat home = network.findWalkPoint(e.student().home()).orElseThrow().snapped();
                LonLat school = network.findWalkPoint(schools.get(Integer.parseInt(e.student().schoolId().substring(1))).location())
                        .orElseThrow().snapped();
                GHResponse route = network.graphHopper().route(new GHRequest(home.lat(), home.lon(), school.lat(), school.lon())
                        .setProfile(NetworkProfiles.FOOT).putHint("ch.disable", true));
                if (route.hasErrors() && route.getErrors().get(0) instanceof PointOutOfBoundsException) {
                    // GraphHopper's box spans tower nodes only; a point on a curve beyond them cannot be routed there.
                    continue;
                }
                compared++;
                if (!route.hasErrors() && Math.abs(route.getBest().getDistance() - e.walk_m())
                        <= Math.max(10, 0.01 * route.getBest().getDistance())) {
                    agreed++;
                } else {
                    System.out.println("DISAGREE " + osmFile.getFileName() + " " + e.student().id() + " ours=" + e.walk_m() + " gh="
                            + (route.hasErrors() ? route.getErrors() : route.getBest().getDistance()));
                }
            }
            assertTrue(compared >= 20, "compared " + compared + " students in " + osmFile.getFileName());
            assertTrue(agreed >= 0.99 * compared, agreed + " of " + compared + " agree in " + osmFile.getFileName());
        }
    }
}
