package org.xiaoche.routing.scenario;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Closing one school on a road whose journeys, buses and costs can be worked out by hand
 * ({@code two-schools.osm}: one straight 60 km/h road along the equator, 1 deg = 111,194.93 m).
 *
 * <p>School A (capacity 10, 4 canteen seats, beds unknown) at lon 0; teaching point B at lon 0.02. A1 and A2
 * (grade 5, school A) live at lon 0.03, 3,335.85 m from A: they need the bus. B1, B2 (grades 1, 2) and B3
 * (grade 5) live at lon 0.0205, 55.60 m from B: they walk. Walks to a stop are 0, so each stop is where
 * the homes meet the road: X at lon 0.03, Y at lon 0.0205.
 *
 * <p>Baseline: one run X → A. Ride = dwell at X (30 s + 5 s × 2) + 3,335.85 m / 16.667 m/s = 40 + 200.15 =
 * 240.15 s; journey = wait 120 s + ride = 360.15 s. One 19-seat bus: 450 + 2.2/km × 6.6717 km (morning and
 * afternoon) + chaperone 150 = 614.68 a day, × 190 days = 116,788.77 a year. Walkers' journeys: 55.60 s.
 *
 * <p>Closing B into A: B1–B3 live 2,279.50 m from A, beyond the 2 km threshold: all now need the bus. One
 * run X → Y → A (5 pupils, one 19-seat bus). A1, A2 ride 40 + 1,056.35 m / 16.667 (63.38) + dwell at Y
 * (30 + 5 × 3 = 45) + 2,279.50 m / 16.667 (136.77) = 285.15 s, journey 405.15 s; B1–B3 ride 45 + 136.77 =
 * 181.77 s, journey 301.77 s. Distance driven is the same 6.6717 km: the same 614.68 a day.
 */
class TwoSchoolsScenarioTest {

    private static final double DEG_M = 111_194.93;
    private static final double SPEED_MPS = 60 / 3.6;

    @TempDir
    static Path dir;

    static RoadNetwork network;
    static ScenarioRunner runner;
    static Baseline baseline;

    static final School A = new School("A", "甲小学", SchoolLevel.PRIMARY, new LonLat(0, 0), 10,
            LocalTime.of(8, 0), LocalTime.of(16, 0), false, null, 4);
    static final School B = new School("B", "乙教学点", SchoolLevel.PRIMARY, new LonLat(0.02, 0), 20,
            LocalTime.of(8, 0), LocalTime.of(16, 0), true, null, null);
    static final List<Student> STUDENTS = List.of(
            new Student("A1", "A", 5, new LonLat(0.03, 0), false),
            new Student("A2", "A", 5, new LonLat(0.03, 0), false),
            new Student("B1", "B", 1, new LonLat(0.0205, 0), false),
            new Student("B2", "B", 2, new LonLat(0.0205, 0), false),
            new Student("B3", "B", 5, new LonLat(0.0205, 0), false));

    static PlanningPolicy policy() {
        return PlanningPolicy.defaults().withMaxWalkToStop(0, 0);
    }

    @BeforeAll
    static void planBaseline() {
        network = TestNetworks.load("two-schools.osm", dir);
        PlanInput input = new PlanInput(List.of(A, B), STUDENTS, Fleet.defaults(), policy());
        PlanResult base = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                .plan(input, ProgressListener.NONE);
        runner = new ScenarioRunner(network, new JspritSchoolRouteSolver());
        baseline = runner.baseline(base.plan(), input.schools(), input.students(), ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    static ScenarioResult closeBIntoA() {
        return runner.run(baseline, Scenario.closing("close B", baseline.plan(), List.of("B"), "A"), ProgressListener.NONE);
    }

    @Test
    void closingBGivesTheJourneysBusesAndCostsWorkedOutByHand() {
        ScenarioResult r = closeBIntoA();
        assertTrue(r.result().validation().valid(), r.result().validation().verdict());
        Comparison c = Comparisons.compare(baseline.compared(), List.of(r.compared()), PlaceNames.NONE);
        double ax_m = 0.03 * DEG_M, ay_m = 0.0205 * DEG_M, xy_m = 0.0095 * DEG_M;

        Comparison.PlanFigures before = c.baseline();
        assertEquals(2, before.needingTransport());
        assertEquals(3, before.walkers());
        assertEquals(1, before.buses());
        assertEquals(2, before.runs(), "one morning and one afternoon run");
        assertEquals(2 * ax_m / 1000, before.busKmPerDay(), 0.001);
        double daily = 450 + 2.2 * 2 * ax_m / 1000 + 150;
        assertEquals(daily, before.dailyCost().total(), 0.01);
        assertEquals(daily * 190, before.yearlyCost(), 0.05);
        double walk_s = 0.0005 * DEG_M, baseBus_s = 120 + 40 + ax_m / SPEED_MPS;
        assertEquals((3 * walk_s + 2 * baseBus_s) / 5, before.journeys().mean_s(), 0.1);
        assertEquals(walk_s, before.journeys().p50_s(), 0.1, "nearest rank: the 3rd of 5");
        assertEquals(baseBus_s, before.journeys().p90_s(), 0.1, "nearest rank: the 5th of 5");

        Comparison.ScenarioComparison s = c.scenarios().get(0);
        assertTrue(s.verdict().feasible(), s.verdict().reasons().toString());
        Comparison.PlanFigures after = s.figures();
        assertEquals(5, after.needingTransport(), "B's three walkers now live beyond 2 km of their school");
        assertEquals(0, after.walkers());
        assertEquals(1, after.buses());
        assertEquals(2 * ax_m / 1000, after.busKmPerDay(), 0.001, "X → Y → A is as long as X → A");
        assertEquals(0, s.differences().yearlyCost(), 0.001);
        double aRide_s = 40 + xy_m / SPEED_MPS + 45 + ay_m / SPEED_MPS, bRide_s = 45 + ay_m / SPEED_MPS;
        assertEquals(120 + aRide_s, after.journeysBySchool().get("A").max_s(), 0.1);
        assertEquals(120 + bRide_s, after.journeysByGradeBand().get("1-3").max_s(), 0.1);
        assertEquals((3 * (120 + bRide_s) + 2 * (120 + aRide_s)) / 5, after.journeys().mean_s(), 0.1);
        assertEquals(after.journeys().mean_s() - before.journeys().mean_s(), s.differences().journeyMean_s(), 0.11);

        Comparison.ClosedSchool closed = s.closedSchools().get(0);
        assertEquals("B", closed.schoolId());
        assertEquals(3, closed.studentsMoved());
        assertEquals(2, closed.youngPupilsMoved());
        Comparison.ReceivingSchool a = s.receivingSchools().get(0);
        assertEquals("A", a.schoolId());
        assertEquals(5, a.enrolment());
        assertEquals(Comparison.ENOUGH, a.capacityStatus(), "5 pupils, 10 places");
        assertEquals(Comparison.UNKNOWN, a.bedsStatus(), "beds not given: unknown, never enough");
        assertEquals(5, a.lunchStudents(), "every bused pupil stays for lunch");
        assertEquals("short by 1", a.canteenStatus(), "5 at lunch, 4 seats");

        List<Comparison.JourneyChange> changes = s.plannerOnly().largestJourneyChanges();
        assertEquals(List.of("B1", "B2", "B3", "A1", "A2"), changes.stream().map(Comparison.JourneyChange::studentId).toList());
        assertEquals(120 + bRide_s - walk_s, changes.get(0).change_s(), 0.1);
        assertTrue(ComparisonWriter.publicView(c).scenarios().get(0).plannerOnly().largestJourneyChanges().isEmpty());
        String publicJson = new String(ComparisonWriter.json(ComparisonWriter.publicView(c)), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(publicJson.contains("\"A1\"") || publicJson.contains("\"B1\""), "no student id in the public view");
    }

    @Test
    void theSameScenarioTwiceGivesIdenticalComparisonBytes() {
        Comparison first = Comparisons.compare(baseline.compared(), List.of(closeBIntoA().compared()), PlaceNames.NONE);
        Comparison second = Comparisons.compare(baseline.compared(), List.of(closeBIntoA().compared()), PlaceNames.NONE);
        assertArrayEquals(ComparisonWriter.json(first), ComparisonWriter.json(second));
        assertArrayEquals(ComparisonWriter.csv(first), ComparisonWriter.csv(second));
        String csv = new String(ComparisonWriter.csv(first), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("plan,section,key,field,value\n"), csv);
        assertTrue(csv.contains("\nclose B,receiving_school,A,canteenStatus,short by 1\n"), csv);
        assertTrue(csv.contains("\nclose B,figures,1-3,journeysByGradeBand.max_s,"), csv);
    }

    @Test
    void nearestReceivingSchoolIsTheOpenOneTeachingTheGrade() {
        ScenarioResult r = runner.run(baseline, Scenario.closing("nearest", baseline.plan(), List.of("B"), null), ProgressListener.NONE);
        assertEquals(Set.of("A"), Set.copyOf(r.reassignments().stream().map(Reassignment::toSchoolId).toList()));
        assertEquals(3, r.reassignments().size());
    }

    @Test
    void youngPupilsOverTheCapMakeTheClosureInfeasibleFirst() {
        // A 250 s journey cap: B1 and B2 (grades 1, 2) need 301.77 s even on a direct trip.
        PlanningPolicy strict = policy().withRoutes(new org.xiaoche.routing.policy.RouteRules(2700, 250, 1.0, 120, 30, 5,
                1200, 300, 150, 20));
        Scenario scenario = new Scenario("strict", baseline.fingerprint(), List.of(new Scenario.Closure("B", "A")),
                List.of(), strict, null);
        ScenarioResult r = runner.run(baseline, scenario, ProgressListener.NONE);
        Comparison.Verdict v = Comparisons.compare(baseline.compared(), List.of(r.compared()), PlaceNames.NONE)
                .scenarios().get(0).verdict();
        assertFalse(v.feasible());
        assertEquals(2, v.youngOverCapMoved());
        assertTrue(v.reasons().get(0).contains("应留必留"), v.reasons().toString());
    }

    @Test
    void unknownSchoolsAndWrongRostersAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.run(baseline,
                Scenario.closing("bad", baseline.plan(), List.of("Z9"), "A"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("no closed school with id 'Z9'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> runner.run(baseline,
                Scenario.closing("bad", baseline.plan(), List.of("B"), "Q"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("no receiving school with id 'Q'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> runner.baseline(baseline.plan(), List.of(A, B),
                STUDENTS.subList(0, 4), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("not the ones the baseline plan was made from"), e.getMessage());
    }

    @Test
    void aBellMovedKeepsTheRunAndShiftsItsTimes() {
        Scenario later = new Scenario("A at 08:10", baseline.fingerprint(), List.of(),
                List.of(new Scenario.TimeChange("A", LocalTime.of(8, 10), LocalTime.of(16, 10))), null, null);
        ScenarioResult r = runner.run(baseline, later, ProgressListener.NONE);
        assertTrue(r.result().validation().valid(), r.result().validation().verdict());
        assertTrue(r.reassignments().isEmpty());
        var before = baseline.plan().journeys().get(0);
        var after = r.result().plan().journeys().stream().filter(j -> j.studentId().equals(before.studentId())).findFirst().orElseThrow();
        assertEquals(before.amJourney_s(), after.amJourney_s(), 1e-6, "the same run, ten minutes later");
        assertEquals(before.pickup_s() + 600, after.pickup_s(), 1e-6);
        assertEquals(0, Comparisons.compare(baseline.compared(), List.of(r.compared()), PlaceNames.NONE)
                .scenarios().get(0).differences().yearlyCost(), 1e-9);
    }
}
