package org.xiaoche.routing.plan;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.RouteRules;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan on every real extract in {@code ../shared/osm}: schools and homes beside residential
 * roads, staggered bell times so buses can chain; every plan must pass the independent validator, and
 * planning it again gives the same bytes.
 */
class SharedOsmPlanTest {

    private static final Path GRAPH_CACHE = Path.of("target", "graph-cache");

    @TestFactory
    Stream<DynamicTest> everySharedExtractPlansValidly() throws IOException {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        List<Path> files;
        try (Stream<Path> list = Files.list(osmDir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.osm(\\.pbf|\\.gz)?$")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> plan(file)));
    }

    private static void plan(Path osmFile) {
        try (RoadNetwork network = RoadNetwork.importOrLoad(osmFile, GRAPH_CACHE, ProgressListener.NONE)) {
            List<LonLat> points = TestNetworks.pointsBesideResidentialRoads(network, 303, new Random(3));
            List<School> schools = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                schools.add(new School("S" + i, "school " + i, SchoolLevel.NINE_YEAR, points.get(i), 0,
                        LocalTime.of(7, 40).plusMinutes(25L * i), LocalTime.of(16, 0).plusMinutes(25L * i), false));
            }
            List<Student> students = new ArrayList<>();
            for (int i = 3; i < points.size(); i++) {
                students.add(new Student("P" + i, "S" + (i % 3), 1 + i % 9, points.get(i), false));
            }
            RouteRules d = RouteRules.defaults();
            PlanningPolicy policy = PlanningPolicy.defaults().withRoutes(new RouteRules(d.rideCap_s(), d.journeyCapGrades1to3_s(),
                    d.childWalkSpeed_mps(), d.waitAtStop_s(), d.dwellFixed_s(), d.dwellPerStudent_s(),
                    d.arrivalEarliestBeforeBell_s(), d.arrivalLatestBeforeBell_s(), d.chaperoneCostPerBusDay(), 3));
            PlanResult result = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), org.xiaoche.routing.optimization.SolverBudget.defaults())
                    .plan(schools, students, Fleet.defaults(), policy, ProgressListener.NONE);
            assertTrue(result.validation().valid(), () -> osmFile.getFileName() + ": " + result.validation().verdict() + "\n"
                    + result.validation().violations().stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
            assertEquals(0, result.summary().studentsOverCaps());
            long needing = result.eligibility().count(EligibilityStatus.NEEDS_TRANSPORT);
            assertEquals(needing, result.summary().transported() + result.summary().unserved(),
                    "every student who needs transport is carried or reported");
            // Same inputs, same plan: planned again by a new planner in the same JVM, byte for byte.
            PlanResult again = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), org.xiaoche.routing.optimization.SolverBudget.defaults())
                    .plan(schools, students, Fleet.defaults(), policy, ProgressListener.NONE);
            org.junit.jupiter.api.Assertions.assertArrayEquals(PlanCodec.toBytes(result.plan()), PlanCodec.toBytes(again.plan()),
                    () -> osmFile.getFileName() + ": planned twice, two plans");
        }
    }
}
