package org.xiaoche.routing.eligibility;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.NetworkProfiles;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walking distances on hand-written networks. One degree of longitude (or latitude) on the equator
 * is 111,194.93 m on GraphHopper's sphere; the expected values in the comments follow from that.
 */
class EligibilityCalculatorTest {

    private static final double DEG_M = 111_194.93;

    @TempDir
    Path dir;

    private static School school(String id, double lon, double lat) {
        return new School(id, "学校" + id, SchoolLevel.NINE_YEAR, new LonLat(lon, lat), 500,
                LocalTime.of(7, 50), LocalTime.of(16, 30), false);
    }

    private static Student student(String id, String schoolId, int grade, double lon, double lat) {
        return new Student(id, schoolId, grade, new LonLat(lon, lat), false);
    }

    private static EligibilityResult run(RoadNetwork network, List<School> schools, List<Student> students, PlanningPolicy policy) {
        return new EligibilityCalculator(network, 2).compute(schools, students, policy, ProgressListener.NONE);
    }

    @Test
    void homeAcrossTheRiverWalksRoundByTheOnlyBridge() {
        try (RoadNetwork network = TestNetworks.load("river.osm", dir)) {
            List<School> schools = List.of(school("S1", 0, 0));
            EligibilityResult result = run(network, schools, List.of(
                    student("P1", "S1", 3, 0.0031, 0.0),      // 345 m in a straight line, across the river
                    student("P2", "S1", 3, -0.0002, 0.0)), PlanningPolicy.defaults());
            StudentEligibility acrossRiver = result.students().get(0);
            assertEquals(EligibilityStatus.NEEDS_TRANSPORT, acrossRiver.status());
            assertEquals((0.02 + 0.003 + 0.02) * DEG_M, acrossRiver.walk_m(), 0.5);
            assertEquals(0.0001 * DEG_M, acrossRiver.homeAccess_m(), 0.5);
            StudentEligibility nextDoor = result.students().get(1);
            assertEquals(EligibilityStatus.WALKS, nextDoor.status());
            assertEquals(0.0, nextDoor.walk_m(), 0.01);
            assertEquals(0.0002 * DEG_M, nextDoor.homeAccess_m(), 0.5);
            assertAgreesWithGraphHopperRoutes(network, schools, result);
        }
    }

    @Test
    void childrenMayNotWalkAlongTheExpressway() {
        try (RoadNetwork network = TestNetworks.load("expressway.osm", dir)) {
            List<School> schools = List.of(school("S1", 0, 0));
            EligibilityResult result = run(network, schools,
                    List.of(student("P1", "S1", 5, 0.0101, 0.0)), PlanningPolicy.defaults());
            StudentEligibility e = result.students().get(0);
            // 1,112 m along the expressway, but 2,224 m along the local road: needs transport.
            assertEquals((0.005 + 0.01 + 0.005) * DEG_M, e.walk_m(), 0.5);
            assertEquals(EligibilityStatus.NEEDS_TRANSPORT, e.status());
            assertAgreesWithGraphHopperRoutes(network, schools, result);
        }
    }

    @Test
    void thresholdPerGradeOffNetworkAndCutOffHomes() {
        try (RoadNetwork network = TestNetworks.load("village.osm", dir)) {
            List<School> schools = List.of(school("S1", 0, 0), school("S2", 0.0125, -0.0001));
            List<Student> students = List.of(
                    student("P1", "S1", 4, 0.017, 0.0001),   // 1,890 m: walks
                    student("P2", "S1", 4, 0.019, 0.0001),   // 2,113 m: needs transport
                    student("P3", "S1", 1, 0.017, 0.0001),   // 1,890 m but grade 1 threshold 1,500 m
                    student("P4", "S1", 4, 0.02, 0.0037),    // 411 m from the road
                    student("P5", "S1", 4, 0.012, 0.0151),   // on the isolated lane
                    student("P6", "S2", 4, 0.0135, 0.0),     // same edge as school S2: 111 m
                    student("P7", "S2", 4, 0.0035, 0.0));    // 1,001 m
            PlanningPolicy policy = new PlanningPolicy(2_000, Map.of(1, 1_500.0), 300, 3_000);
            EligibilityResult result = run(network, schools, students, policy);
            List<StudentEligibility> s = result.students();
            assertEquals(EligibilityStatus.WALKS, s.get(0).status());
            assertEquals(0.017 * DEG_M, s.get(0).walk_m(), 0.5);
            assertEquals(EligibilityStatus.NEEDS_TRANSPORT, s.get(1).status());
            assertEquals(0.019 * DEG_M, s.get(1).walk_m(), 0.5);
            assertEquals(EligibilityStatus.NEEDS_TRANSPORT, s.get(2).status());
            assertEquals(EligibilityStatus.UNREACHABLE, s.get(3).status());
            assertEquals("off network (411 m)", s.get(3).reason());
            assertEquals(EligibilityStatus.UNREACHABLE, s.get(4).status());
            assertEquals("different network component", s.get(4).reason());
            assertEquals(0.001 * DEG_M, s.get(5).walk_m(), 0.5);
            assertEquals(0.009 * DEG_M, s.get(6).walk_m(), 0.5);

            SchoolEligibilitySummary s1 = result.schools().get(0);
            assertEquals(5, s1.students());
            assertEquals(1, s1.walkers());
            assertEquals(2, s1.needsTransport());
            assertEquals(2, s1.unreachable());
            assertEquals(0.019 * DEG_M, s1.walkMax_m(), 0.5);
            assertAgreesWithGraphHopperRoutes(network, schools, result);
        }
    }

    /** Cross-check: GraphHopper's own point-to-point foot route between the same two points. */
    static void assertAgreesWithGraphHopperRoutes(RoadNetwork network, List<School> schools, EligibilityResult result) {
        Map<String, LonLat> schoolAt = new java.util.HashMap<>();
        schools.forEach(s -> schoolAt.put(s.id(), s.location()));
        int compared = 0;
        for (StudentEligibility e : result.students()) {
            if (e.status() == EligibilityStatus.UNREACHABLE) {
                continue;
            }
            // GraphHopper rejects points outside the graph's box, so route between where each meets the network.
            LonLat home = network.findWalkPoint(e.student().home()).orElseThrow().snapped();
            LonLat school = network.findWalkPoint(schoolAt.get(e.student().schoolId())).orElseThrow().snapped();
            GHResponse route = network.graphHopper().route(new GHRequest(home.lat(), home.lon(), school.lat(), school.lon())
                    .setProfile(NetworkProfiles.FOOT).putHint("ch.disable", true));
            assertTrue(!route.hasErrors(), () -> "GraphHopper route failed: " + route.getErrors());
            assertEquals(route.getBest().getDistance(), e.walk_m(), 0.5, "walk_m of " + e.student().id());
            compared++;
        }
        assertTrue(compared > 0, "nothing to compare");
    }
}
