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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stop names on the scenes of {@code names.osm} (see the comment in that file). */
class StopNamesTest {

    @TempDir
    static Path dir;
    static RoadNetwork network;

    @BeforeAll
    static void load() {
        network = TestNetworks.load("names.osm", dir);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    private static StudentEligibility needs(String id, double lon, double lat) {
        return new StudentEligibility(new Student(id, "S1", 5, new LonLat(lon, lat), false),
                EligibilityStatus.NEEDS_TRANSPORT, 3_000, 0, 0, "");
    }

    private static String nameOfStopOf(StopPlan plan, String studentId) {
        return plan.findStop(plan.findAssignment(studentId).orElseThrow().stopId()).orElseThrow().name();
    }

    @Test
    void stopsAreNamedByVillageAndRoad() {
        StopPlan plan = new StopPlanner(network).plan(List.of(
                needs("A1", 0.0102, 0.0002), needs("A2", 0.0012, 0.0002), needs("B1", 0.205, 0.0002),
                needs("C1", 0.405, 0.0002), needs("D1", 0.601, 0.0002), needs("D2", 0.619, 0.0002),
                needs("E1", 0.81, 0.0002)), PlanningPolicy.defaults());
        assertEquals(7, plan.stops().size());
        assertEquals("清水河村 · X012", nameOfStopOf(plan, "A1"), "the route number before the road's name");
        assertEquals("清水河村 · X012(2)", nameOfStopOf(plan, "A2"), "1,005 m from the village: the same name, numbered");
        assertEquals("李家沟 · 幸福路", nameOfStopOf(plan, "B1"), "name:zh before name, for roads and places");
        assertEquals("幸福路", plan.findStop(plan.findAssignment("B1").orElseThrow().stopId()).orElseThrow().roadName());
        assertEquals("城关小学 · X013", nameOfStopOf(plan, "C1"), "a school beside the stop before a nearer village");
        assertEquals("村道", nameOfStopOf(plan, "D1"), "no name, no ref, no place: the road's class in Chinese");
        assertEquals("村道(2)", nameOfStopOf(plan, "D2"));
        assertEquals("东夼村东南2.5公里 · Y001", nameOfStopOf(plan, "E1"), "2,486 m from the only village near");
    }

    @Test
    void namesAreTheSameEveryTime() {
        List<StudentEligibility> students = List.of(needs("A2", 0.0012, 0.0002), needs("A1", 0.0102, 0.0002));
        StopPlan plan = new StopPlanner(network).plan(students, PlanningPolicy.defaults());
        assertEquals("清水河村 · X012", nameOfStopOf(plan, "A2"), "the first stop keeps the plain name");
        assertEquals("清水河村 · X012(2)", nameOfStopOf(plan, "A1"));
        assertEquals(plan, new StopPlanner(network).plan(students, PlanningPolicy.defaults()));
    }

    @Test
    void directionIsOneOfEight() {
        LonLat centre = new LonLat(0, 0);
        assertEquals("东", StopNames.direction(centre, new LonLat(0.01, 0.001)));
        assertEquals("北", StopNames.direction(centre, new LonLat(0.001, 0.01)));
        assertEquals("西南", StopNames.direction(centre, new LonLat(-0.01, -0.01)));
        assertEquals("东南", StopNames.direction(centre, new LonLat(0.01, -0.02)));
    }
}
