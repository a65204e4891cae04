package org.xiaoche.routing.stops;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.Student;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stops on the hand-written scenes of {@code stops.osm}. One degree on the equator is 111,194.93 m on
 * GraphHopper's sphere; the expected distances in the comments follow from that.
 */
class StopPlannerTest {

    private static final double DEG_M = 111_194.93;
    private static final double ROAD_TOLERANCE_DEG = 0.5 / DEG_M;

    @TempDir
    static Path dir;
    static RoadNetwork network;
    static StopPlanner planner;

    @BeforeAll
    static void load() {
        network = TestNetworks.load("stops.osm", dir);
        planner = new StopPlanner(network);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    private static StudentEligibility needs(String id, int grade, double lon, double lat) {
        return new StudentEligibility(new Student(id, "S1", grade, new LonLat(lon, lat), false),
                EligibilityStatus.NEEDS_TRANSPORT, 3_000, 0, 0, "");
    }

    private static void assertAt(double lon, double lat, LonLat actual) {
        assertEquals(lon, actual.lon(), ROAD_TOLERANCE_DEG, "lon");
        assertEquals(lat, actual.lat(), ROAD_TOLERANCE_DEG, "lat");
    }

    @Test
    void laneStudentsGetAStopWhereTheirLaneMeetsTheBusRoad() {
        StopPlan plan = planner.plan(List.of(
                needs("A", 5, 0.0101, 0.003),     // 11.12 m east of the lane, 0.003 deg (333.58 m) up it
                needs("C", 6, 0.0101, 0.0036)),   // 0.0036 deg (400.30 m) up the lane
                PlanningPolicy.defaults());
        assertEquals(1, plan.stops().size());
        BusStop stop = plan.stops().get(0);
        assertEquals("S1-001", stop.id());
        assertAt(0.01, 0.0, stop.location());
        assertEquals("乡道 X101", stop.roadName());
        assertEquals(2, stop.studentCount());
        assertEquals(0, stop.grades1to3Count());
        StopAssignment a = plan.findAssignment("A").orElseThrow();
        assertEquals("S1-001", a.stopId());
        assertEquals(0.003 * DEG_M, a.walk_m(), 0.05);
        assertEquals(0.0001 * DEG_M, a.homeAccess_m(), 0.05);
        assertEquals(0.0036 * DEG_M, plan.findAssignment("C").orElseThrow().walk_m(), 0.05);
        assertTrue(plan.unserved().isEmpty());
    }

    @Test
    void gradeTwoPupilFourHundredMetresUpALaneWalksOverTheLimitToTheSharedStop() {
        StopPlan plan = planner.plan(List.of(
                needs("A", 5, 0.0101, 0.003),
                needs("B", 2, 0.0101, 0.0036)),   // 400.30 m walk, over the 300 m limit of young pupils
                PlanningPolicy.defaults());
        assertEquals(1, plan.stops().size());
        StopAssignment a = plan.findAssignment("A").orElseThrow();
        StopAssignment b = plan.findAssignment("B").orElseThrow();
        assertTrue(b.served());
        assertEquals(a.stopId(), b.stopId(), "the lane's junction, chosen for A, is B's nearest bus road too");
        assertEquals(0.0036 * DEG_M, b.walk_m(), 0.05);
        assertTrue(b.walkOverLimit());
        assertFalse(b.walkStraightLine());
        assertFalse(a.walkOverLimit());
        assertEquals(0.0001 * DEG_M, b.homeAccess_m(), 0.05);
        assertEquals(List.of(b), plan.walksOverLimit());
        assertTrue(plan.unserved().isEmpty());
        assertEquals(1, plan.stops().get(0).youngPupilCount());
    }

    @Test
    void gradeTwoPupilGetsTheCloserStopOnTheOtherRoad() {
        // Lane from the southern road (lat 0) to the northern one (lat 0.006).
        StopPlan plan = planner.plan(List.of(
                needs("A", 5, 0.1101, 0.0025),    // south 277.99 m, north 389.18 m
                needs("B", 2, 0.1101, 0.0036)),   // south 400.30 m (too far), north 266.87 m
                PlanningPolicy.defaults());
        assertEquals(1, plan.stops().size(), "one stop on the northern road serves both");
        BusStop stop = plan.stops().get(0);
        assertAt(0.11, 0.006, stop.location());
        assertEquals("北路", stop.roadName());
        assertEquals(1, stop.grades1to3Count());
        assertEquals(0.0024 * DEG_M, plan.findAssignment("B").orElseThrow().walk_m(), 0.05);
        assertEquals(0.0035 * DEG_M, plan.findAssignment("A").orElseThrow().walk_m(), 0.05);
    }

    @Test
    void eachSchoolGetsItsOwnStopsWhateverTheOtherSchoolsPupilsNeed() {
        // As above, but A and B go to different schools: each school's cover sees its own pupil only.
        StudentEligibility a = needs("A", 5, 0.1101, 0.0025);
        StudentEligibility b = new StudentEligibility(new Student("B", "S2", 2, new LonLat(0.1101, 0.0036), false),
                EligibilityStatus.NEEDS_TRANSPORT, 3_000, 0, 0, "");
        StopPlan both = planner.plan(List.of(b, a), PlanningPolicy.defaults());
        assertEquals(List.of("S1-001", "S2-001"), both.stops().stream().map(BusStop::id).toList(), "by school, then cover order");
        assertAt(0.11, 0.0, both.findStop("S1-001").orElseThrow().location());
        assertAt(0.11, 0.006, both.findStop("S2-001").orElseThrow().location());
        assertEquals(List.of("B", "A"), both.assignments().stream().map(StopAssignment::studentId).toList(), "input order");
        assertEquals("S2-001", both.findAssignment("B").orElseThrow().stopId());
        StopPlan alone = planner.plan(List.of(a), PlanningPolicy.defaults());
        assertEquals(alone.stops(), both.stops().subList(0, 1), "S1's stop is the same with or without S2's pupil");
        assertEquals(alone.findAssignment("A"), both.findAssignment("A"));
    }

    @Test
    void motorwayAndTrackAreNeverStops() {
        StopPlan plan = planner.plan(List.of(
                needs("T", 5, 0.2201, 0.0008),    // beside the track, 89 m from the motorway; track to C路 133.43 m
                needs("M", 5, 0.23, -0.0001)),    // 11 m from the motorway; the nearest walkable way is C路
                PlanningPolicy.defaults());
        assertEquals(2, plan.stops().size(), plan.toString());
        for (BusStop stop : plan.stops()) {
            assertEquals(0.002, stop.location().lat(), ROAD_TOLERANCE_DEG, "every stop is on C路");
            assertEquals("C路", stop.roadName());
        }
        StopAssignment t = plan.findAssignment("T").orElseThrow();
        assertAt(0.22, 0.002, plan.findStop(t.stopId()).orElseThrow().location());
        assertEquals(0.0012 * DEG_M, t.walk_m(), 0.05);
        StopAssignment m = plan.findAssignment("M").orElseThrow();
        assertAt(0.23, 0.002, plan.findStop(m.stopId()).orElseThrow().location());
        assertEquals(0, m.walk_m(), 0.01);
        assertEquals(0.0021 * DEG_M, m.homeAccess_m(), 0.05);
    }

    @Test
    void studentOnALongTrackGetsAStopAtTheEndOfTheTrack() {
        StopPlan plan = planner.plan(List.of(needs("F", 7, 0.259, 0.0021)), PlanningPolicy.defaults());
        // 0.019 deg (2112.70 m) of track to the nearest bus road, within the 3,000 m bound.
        assertEquals(1, plan.stops().size());
        assertAt(0.24, 0.002, plan.stops().get(0).location());
        StopAssignment f = plan.findAssignment("F").orElseThrow();
        assertEquals(0.019 * DEG_M, f.walk_m(), 0.05);
        assertTrue(f.walkOverLimit());
        assertFalse(f.walkStraightLine());
        assertEquals(List.of(f), plan.walksOverLimit());
    }

    @Test
    void studentBeyondTheBoundOnTheWalkToABusRoadIsReportedWithTheTrueReason() {
        // The track's end is 2112.70 m along the track and 2,000 m is the bound; the straight line to the nearest
        // bus road is 0.0001 deg (11.12 m) off the track plus 0.019 deg along it, also beyond the bound.
        StopPlan plan = planner.plan(List.of(needs("F", 7, 0.259, 0.0021)), PlanningPolicy.defaults().withMaxWalkToBusRoad(2_000));
        assertTrue(plan.stops().isEmpty());
        StopAssignment f = plan.findAssignment("F").orElseThrow();
        assertFalse(f.served());
        assertEquals("no road where a bus may stop within 2000 m (nearest 2113 m in a straight line)", f.reason());
        assertTrue(Double.isNaN(f.walk_m()));
        assertFalse(f.walkOverLimit());
    }

    @Test
    void studentsOverTheLimitNearEachOtherShareOneStop() {
        // Three pupils 1.6-1.8 km up the long track: each one's nearest bus road is the track's end at 211.
        StopPlan plan = planner.plan(List.of(
                needs("F1", 7, 0.2546, 0.0021), needs("F2", 2, 0.2555, 0.0019), needs("F3", 8, 0.2562, 0.0021)),
                PlanningPolicy.defaults());
        assertEquals(1, plan.stops().size());
        assertEquals(3, plan.stops().get(0).studentCount());
        assertEquals(3, plan.walksOverLimit().size());
        for (StopAssignment a : plan.assignments()) {
            assertEquals("S1-001", a.stopId());
        }
    }

    @Test
    void homesOnAFootwayThatJoinsNoRoadGetTheNearestBusRoadInAStraightLine() {
        StopPlan plan = planner.plan(List.of(
                needs("P", 5, 0.405, 0.0013),     // 11.12 m from the footway, 0.0013 deg (144.55 m) from F路
                needs("Q", 2, 0.406, 0.0013)),    // 0.001 deg further east
                PlanningPolicy.defaults());
        assertEquals(1, plan.stops().size(), "one stop for both");
        StopAssignment p = plan.findAssignment("P").orElseThrow();
        StopAssignment q = plan.findAssignment("Q").orElseThrow();
        assertEquals(p.stopId(), q.stopId());
        assertTrue(p.walkStraightLine() && q.walkStraightLine());
        assertEquals(0, p.homeAccess_m(), "a straight walk starts at the home");
        assertEquals(0.0, plan.stops().get(0).location().lat(), ROAD_TOLERANCE_DEG, "on F路");
        double pWalk_m = p.walk_m(), qWalk_m = q.walk_m();
        assertTrue(Math.min(pWalk_m, qWalk_m) <= 0.0013 * DEG_M + 0.05, pWalk_m + " " + qWalk_m);
        assertTrue(Math.max(pWalk_m, qWalk_m) <= Math.hypot(0.001, 0.0013) * DEG_M + 0.05, pWalk_m + " " + qWalk_m);
        assertFalse(p.walkOverLimit(), "144.55 m is within the limit, though straight");
    }

    @Test
    void homeFarFromAnyWalkableWayIsReportedOffNetwork() {
        StopPlan plan = planner.plan(List.of(needs("X", 5, 0.05, 0.01)), PlanningPolicy.defaults());
        StopAssignment x = plan.assignments().get(0);
        assertFalse(x.served());
        assertTrue(x.reason().startsWith("off network"), x.reason());
    }

    @Test
    void studentsWhoWalkAreNotGivenStops() {
        StudentEligibility walker = new StudentEligibility(new Student("W", "S1", 4, new LonLat(0.0101, 0.001), false),
                EligibilityStatus.WALKS, 900, 11, 0, "");
        StopPlan plan = planner.plan(List.of(walker, needs("A", 5, 0.0101, 0.003)), PlanningPolicy.defaults());
        assertEquals(1, plan.assignments().size());
        assertEquals("A", plan.assignments().get(0).studentId());
    }

    @Test
    void thirtyHomesInOneVillageShareOneStop() {
        List<StudentEligibility> village = village();
        StopPlan plan = planner.plan(village, PlanningPolicy.defaults());
        assertEquals(30, plan.served().size());
        assertTrue(plan.stops().size() >= 1 && plan.stops().size() <= 3, plan.stops().size() + " stops");
        // Every home is within 0.0014 + 0.0001 deg of the village's central junction, well under 300 m.
        assertEquals(1, plan.stops().size());
        assertAt(0.315, 0.0015, plan.stops().get(0).location());
        assertEquals(30, plan.stops().get(0).studentCount());
        for (StopAssignment a : plan.assignments()) {
            assertTrue(a.walk_m() <= 0.0014 * DEG_M + 0.05, a + " walks " + a.walk_m());
        }
        assertEquals(plan, new StopPlanner(network).plan(village, PlanningPolicy.defaults()), "deterministic");
    }

    @Test
    void maxWalkZeroGivesEveryHomeItsOwnRoadsidePoint() {
        List<StudentEligibility> village = village();
        StopPlan plan = planner.plan(village, PlanningPolicy.defaults().withMaxWalkToStop(0, 0));
        assertEquals(30, plan.stops().size());
        assertTrue(plan.unserved().isEmpty());
        Set<String> stopIds = new HashSet<>();
        for (int i = 0; i < village.size(); i++) {
            StopAssignment a = plan.assignments().get(i);
            assertEquals(0, a.walk_m(), 1e-6);
            assertTrue(stopIds.add(a.stopId()), "each home its own stop");
            LonLat home = village.get(i).student().home();
            LonLat stop = plan.findStop(a.stopId()).orElseThrow().location();
            // Where the home meets its street: straight across to lon 0.315 or lat 0.0015.
            assertTrue(Math.abs(stop.lon() - 0.315) < ROAD_TOLERANCE_DEG && Math.abs(stop.lat() - home.lat()) < ROAD_TOLERANCE_DEG
                    || Math.abs(stop.lat() - 0.0015) < ROAD_TOLERANCE_DEG && Math.abs(stop.lon() - home.lon()) < ROAD_TOLERANCE_DEG,
                    "stop beside home " + a.studentId());
        }
    }

    @Test
    void maxWalkZeroServesAHomeOnALaneWithoutBusesAtTheLanesEnd() {
        StopPlan plan = planner.plan(List.of(
                needs("A", 5, 0.0101, 0.003),     // meets the unpaved lane, 333.58 m from the bus road
                needs("J", 5, 0.01, -0.0001)),    // meets the bus road exactly at the lane's junction
                PlanningPolicy.defaults().withMaxWalkToStop(0, 0));
        assertEquals(1, plan.stops().size());
        StopAssignment j = plan.findAssignment("J").orElseThrow();
        assertEquals(0, j.walk_m(), 1e-9);
        assertFalse(j.walkOverLimit());
        assertAt(0.01, 0.0, plan.findStop(j.stopId()).orElseThrow().location());
        StopAssignment a = plan.findAssignment("A").orElseThrow();
        assertEquals(j.stopId(), a.stopId());
        assertEquals(0.003 * DEG_M, a.walk_m(), 0.05);
        assertTrue(a.walkOverLimit());
    }

    /** 18 homes along the village's north-south street and 12 along its cross street, 11 m off the road. */
    private static List<StudentEligibility> village() {
        List<StudentEligibility> students = new ArrayList<>();
        double[] northSouthLats = {0.0002, 0.0004, 0.0006, 0.0008, 0.0010, 0.0012, 0.0018, 0.0020, 0.0022, 0.0024,
                0.0026, 0.0028, 0.0003, 0.0007, 0.0011, 0.0019, 0.0023, 0.0027};
        for (int i = 0; i < northSouthLats.length; i++) {
            double lon = i % 2 == 0 ? 0.3151 : 0.3149;
            students.add(needs("V" + students.size(), 1 + students.size() % 9, lon, northSouthLats[i]));
        }
        double[] crossLons = {0.3136, 0.3138, 0.3140, 0.3142, 0.3144, 0.3146, 0.3154, 0.3156, 0.3158, 0.3160, 0.3162, 0.3164};
        for (int i = 0; i < crossLons.length; i++) {
            double lat = i % 2 == 0 ? 0.0016 : 0.0014;
            students.add(needs("V" + students.size(), 1 + students.size() % 9, crossLons[i], lat));
        }
        return students;
    }
}
