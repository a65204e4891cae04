package org.xiaoche.routing.plan.edit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Hand edits on {@code two-schools.osm}: one straight 60 km/h road along the equator (1 deg = 111,194.93 m,
 * 16.667 m/s), so every new time is worked out by hand. School A at lon 0 (bell 08:00); X1 lives at lon 0.03
 * (stop X), Z1 at lon 0.05 (stop Z); walks to a stop are 0, so each stop is where the home meets the road.
 * School B at lon 0.02 has B1 at lon 0.045 (stop W). Ride cap 450 s; dwell 30 s + 5 s per student.
 *
 * <p>Planned: A's morning run Z → X → A. Z→X 2,223.90 m = 133.43 s, X→A 3,335.85 m = 200.15 s;
 * ride of X1 = 35 + 200.15 = 235.15 s, of Z1 = 35 + 133.43 + 35 + 200.15 = 403.58 s: within the cap.
 */
class PlanEditorTest {

    private static final double DEG_M = 111_194.93;
    private static final double SPEED_MPS = 60 / 3.6;

    @TempDir
    static Path dir;
    static RoadNetwork network;
    static Plan plan;
    static Plan smallBusPlan;
    static PlanEditor editor;

    static final School A = new School("A", "甲小学", SchoolLevel.PRIMARY, new LonLat(0, 0), 100,
            LocalTime.of(8, 0), LocalTime.of(16, 0), false, null, null);
    static final School B = new School("B", "乙小学", SchoolLevel.PRIMARY, new LonLat(0.02, 0), 100,
            LocalTime.of(8, 0), LocalTime.of(16, 0), false, null, null);
    static final List<Student> STUDENTS = List.of(
            new Student("X1", "A", 5, new LonLat(0.03, 0), false),
            new Student("Z1", "A", 5, new LonLat(0.05, 0), false),
            new Student("B1", "B", 5, new LonLat(0.045, 0), false));
    static final Map<String, LonLat> HOMES = STUDENTS.stream().collect(Collectors.toMap(Student::id, Student::home));

    static PlanningPolicy policy() {
        RouteRules d = RouteRules.defaults();
        RouteRules rules = new RouteRules(450, d.journeyCapGrades1to3_s(), d.childWalkSpeed_mps(), d.waitAtStop_s(),
                d.dwellFixed_s(), d.dwellPerStudent_s(), d.arrivalEarliestBeforeBell_s(), d.arrivalLatestBeforeBell_s(),
                d.chaperoneCostPerBusDay(), d.solverSeconds());
        return PlanningPolicy.defaults().withMaxWalkToStop(0, 0).withRoutes(rules);
    }

    @BeforeAll
    static void plan() {
        network = TestNetworks.load("two-schools.osm", dir);
        SchoolBusPlanner planner = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults());
        plan = planner.plan(new PlanInput(List.of(A, B), STUDENTS, Fleet.defaults(), policy()), ProgressListener.NONE).plan();
        // Two-seat buses: X and Z (two pupils each) need a run each.
        List<Student> four = List.of(new Student("X1", "A", 5, new LonLat(0.03, 0), false),
                new Student("X2", "A", 5, new LonLat(0.03, 0), false),
                new Student("Z1", "A", 5, new LonLat(0.05, 0), false),
                new Student("Z2", "A", 5, new LonLat(0.05, 0), false));
        Fleet small = new Fleet(List.of(new BusType("S2", 2, 300, 2.0, 10)), List.of());
        smallBusPlan = planner.plan(new PlanInput(List.of(A), four, small, policy()), ProgressListener.NONE).plan();
        editor = new PlanEditor(network, id -> Optional.ofNullable(HOMES.get(id)));
    }

    @AfterAll
    static void close() {
        network.close();
    }

    static String stopAt(Plan p, double lon) {
        return p.stops().stream().filter(s -> Math.abs(s.location().lon() - lon) < 1e-4).map(PlanStop::id).findFirst().orElseThrow();
    }

    static BusRun run(Plan p, String schoolId, RunDirection direction) {
        return p.runs().stream().filter(r -> r.schoolId().equals(schoolId) && r.direction() == direction).findFirst().orElseThrow();
    }

    static StudentJourney journey(Plan p, String studentId) {
        return p.journeys().stream().filter(j -> j.studentId().equals(studentId)).findFirst().orElseThrow();
    }

    static double drive_s(double deg) {
        return deg * DEG_M / SPEED_MPS;
    }

    @Test
    void thePlannedRunIsTheOneWorkedOutByHand() {
        assertTrue(plan.validation().valid(), plan.validation().verdict());
        BusRun am = run(plan, "A", RunDirection.AM);
        assertEquals(List.of(stopAt(plan, 0.05), stopAt(plan, 0.03), "A"), am.stops().stream().map(TimedStop::placeId).toList());
        assertEquals(35 + drive_s(0.03), journey(plan, "X1").amRide_s(), 1);
        assertEquals(35 + drive_s(0.02) + 35 + drive_s(0.03), journey(plan, "Z1").amRide_s(), 1);
    }

    @Test
    void reorderingBreaksTheRideCapAndReorderingBackClearsIt() {
        String x = stopAt(plan, 0.03), z = stopAt(plan, 0.05);
        BusRun am = run(plan, "A", RunDirection.AM);
        EditedPlan broken = editor.apply(plan, List.of(new PlanEdit.ReorderRun(am.runId(), List.of(x, z))));
        // X first: X1 rides X→Z and Z→A, 35 + 133.43 + 35 + 333.58 = 537.0 s, over the 450 s cap.
        assertEquals(35 + drive_s(0.02) + 35 + drive_s(0.05), journey(broken.plan(), "X1").amRide_s(), 1);
        assertEquals(35 + drive_s(0.05), journey(broken.plan(), "Z1").amRide_s(), 1);
        assertEquals(am.last().arrival_s(), run(broken.plan(), "A", RunDirection.AM).last().arrival_s(), 1e-9,
                "the run still reaches school when it did");
        assertFalse(broken.plan().validation().valid());
        assertTrue(broken.plan().validation().violations().stream()
                .anyMatch(v -> v.rule().equals("ride-cap") && v.subject().equals("X1")), broken.plan().validation().verdict());
        assertEquals(1, broken.plan().summary().studentsOverCaps());
        assertEquals(PlanChange.Kind.RUN_REORDERED, broken.changes().get(0).kind());

        EditedPlan fixed = editor.apply(broken.plan(), List.of(new PlanEdit.ReorderRun(am.runId(), List.of(z, x))));
        assertTrue(fixed.plan().validation().valid(), fixed.plan().validation().verdict());
        assertEquals(journey(plan, "X1").amRide_s(), journey(fixed.plan(), "X1").amRide_s(), 1e-6);
        assertEquals(journey(plan, "Z1").pickup_s(), journey(fixed.plan(), "Z1").pickup_s(), 1e-6);
    }

    @Test
    void movingAStopAlongTheRoadRetimesTheRunAndTheWalk() {
        String x = stopAt(plan, 0.03);
        EditedPlan moved = editor.apply(plan, List.of(new PlanEdit.MoveStop(x, new LonLat(0.025, 0.0004))));
        PlanStop stop = moved.plan().findStop(x).orElseThrow();
        assertEquals(0.025, stop.location().lon(), 1e-6);
        assertEquals(0.0, stop.location().lat(), 1e-6, "snapped onto the road");
        StudentJourney x1 = journey(moved.plan(), "X1");
        // X'→A 2,779.87 m = 166.79 s; Z→X' the same.
        assertEquals(35 + drive_s(0.025), x1.amRide_s(), 1);
        assertEquals(35 + drive_s(0.025) + 35 + drive_s(0.025), journey(moved.plan(), "Z1").amRide_s(), 1);
        assertEquals(0.005 * DEG_M, x1.walk_m(), 1, "home at lon 0.03 walks back along the road");
        assertTrue(x1.walkOverLimit(), "the policy's walk to a stop is 0");
        BusRun pm = run(moved.plan(), "A", RunDirection.PM);
        assertEquals(drive_s(0.025), pm.stops().get(1).legIn_s(), 1, "the afternoon leg into the moved stop");
        assertEquals(0.005 * DEG_M, Double.parseDouble(moved.changes().get(0).args().get(1)), 1, "metres moved");
        assertTrue(moved.plan().validation().valid(), moved.plan().validation().verdict());
    }

    @Test
    void movingAStudentToAnotherStopEmptiesTheOldOne() {
        String x = stopAt(plan, 0.03), z = stopAt(plan, 0.05);
        EditedPlan moved = editor.apply(plan, List.of(new PlanEdit.MoveStudent("X1", z)));
        BusRun am = run(moved.plan(), "A", RunDirection.AM);
        assertEquals(List.of(z, "A"), am.stops().stream().map(TimedStop::placeId).toList());
        assertEquals(2, am.first().boarding());
        // Two board at Z: 40 s dwell, then 333.58 s to A.
        assertEquals(40 + drive_s(0.05), journey(moved.plan(), "X1").amRide_s(), 1);
        assertEquals(0.02 * DEG_M, journey(moved.plan(), "X1").walk_m(), 1);
        // Afternoon: both leave school at 16:00 after a 40 s dwell and reach Z 333.58 s later.
        assertEquals(16 * 3600 + 40 + drive_s(0.05), journey(moved.plan(), "X1").dropoff_s(), 1);
        assertEquals(List.of("A", z), run(moved.plan(), "A", RunDirection.PM).stops().stream().map(TimedStop::placeId).toList());
        assertTrue(moved.plan().findStop(x).isEmpty(), "no run calls at X any more");
        assertEquals(List.of(PlanChange.Kind.STUDENT_MOVED, PlanChange.Kind.STOP_LEFT_RUN, PlanChange.Kind.STOP_LEFT_RUN),
                moved.changes().stream().map(PlanChange::kind).toList());
        assertTrue(moved.plan().validation().valid(), moved.plan().validation().verdict());
    }

    @Test
    void aLaterBellMovesTheMorningRuns() {
        BusRun am = run(plan, "A", RunDirection.AM);
        EditedPlan later = editor.apply(plan, List.of(new PlanEdit.SetBell("A", 8 * 3600 + 600)));
        BusRun moved = run(later.plan(), "A", RunDirection.AM);
        assertEquals(am.first().arrival_s() + 600, moved.first().arrival_s(), 1e-6);
        assertEquals(8 * 3600 + 600, later.plan().findSchool("A").orElseThrow().bell_s());
        assertEquals(List.of("甲小学", "08:00", "08:10"), later.changes().get(0).args());
        assertTrue(later.plan().validation().valid(), later.plan().validation().verdict());
    }

    @Test
    void movingAStopOntoAFullRunBreaksTheSeats() {
        assertTrue(smallBusPlan.validation().valid(), smallBusPlan.validation().verdict());
        String z = stopAt(smallBusPlan, 0.05);
        BusRun zRun = smallBusPlan.runs().stream().filter(r -> r.direction() == RunDirection.AM
                && r.first().placeId().equals(z)).findFirst().orElseThrow();
        BusRun xRun = smallBusPlan.runs().stream().filter(r -> r.direction() == RunDirection.AM && r != zRun).findFirst().orElseThrow();
        EditedPlan full = editor.apply(smallBusPlan, List.of(new PlanEdit.MoveStopToRun(z, zRun.runId(), xRun.runId(), 0)));
        assertTrue(full.plan().validation().violations().stream()
                .anyMatch(v -> v.rule().equals("seats") && v.subject().equals(xRun.runId())), full.plan().validation().verdict());
        assertTrue(full.plan().runs().stream().noneMatch(r -> r.runId().equals(zRun.runId())), "the emptied run is gone");
        assertEquals(4, run(full.plan(), "A", RunDirection.AM).students());
    }

    @Test
    void editsThatMakeNoSenseAreRefusedNamingTheEdit() {
        String w = stopAt(plan, 0.045);
        String x = stopAt(plan, 0.03);
        BusRun am = run(plan, "A", RunDirection.AM);
        PlanEditException otherSchool = assertThrows(PlanEditException.class,
                () -> editor.apply(plan, List.of(new PlanEdit.SetBell("A", 8 * 3600), new PlanEdit.MoveStudent("X1", w))));
        assertEquals(2, otherSchool.editNumber());
        assertTrue(otherSchool.getMessage().contains("move student X1"), otherSchool.getMessage());
        assertEquals(PlanEditException.Reason.NO_RUN_AT_STOP, otherSchool.reason());
        assertEquals(List.of("A", w), otherSchool.args());
        assertEquals("edit-no-run-at-stop", otherSchool.reason().code());
        PlanEditException unknown = assertThrows(PlanEditException.class,
                () -> editor.apply(plan, List.of(new PlanEdit.MoveStop("nope", new LonLat(0.01, 0)))));
        assertTrue(unknown.getMessage().contains("no stop nope"), unknown.getMessage());
        assertEquals(PlanEditException.Reason.UNKNOWN_STOP, unknown.reason());
        assertEquals(List.of("nope"), unknown.args());
        // 0.025 deg (2,780 m) off the road, the isolated way 0.025 deg further north: no stoppable road within 500 m.
        PlanEditException offRoad = assertThrows(PlanEditException.class,
                () -> editor.apply(plan, List.of(new PlanEdit.MoveStop(x, new LonLat(0.025, 0.025)))));
        assertTrue(offRoad.getMessage().contains("no road where a bus may stop"), offRoad.getMessage());
        assertEquals(PlanEditException.Reason.NO_STOP_ROAD_NEAR, offRoad.reason());
        assertEquals(List.of("500"), offRoad.args());
        PlanEditException order = assertThrows(PlanEditException.class,
                () -> editor.apply(plan, List.of(new PlanEdit.ReorderRun(am.runId(), List.of(x)))));
        assertEquals(PlanEditException.Reason.ORDER_NOT_THE_RUNS_STOPS, order.reason());
        assertEquals(am.runId(), order.args().get(0));
    }

    /**
     * Way 1900 of {@code two-schools.osm} (lat 0.05, lon 0 to 0.05) is a road a bus may stop on that no road joins:
     * stop X moved onto it (to lon 0.03) snaps there, 5,560 m north of the school's road, and no bus can drive
     * from it to school A or from stop Z to it. The legs would be infinite: the edit is refused naming the run and
     * the stop, and nothing of the plan changes.
     */
    @Test
    void aStopMovedOntoARoadNoRoadJoinsIsRefused() {
        String x = stopAt(plan, 0.03);
        BusRun am = run(plan, "A", RunDirection.AM);
        byte[] before = PlanCodec.toBytes(plan);
        PlanEditException cutOff = assertThrows(PlanEditException.class,
                () -> editor.apply(plan, List.of(new PlanEdit.SetBell("A", 8 * 3600), new PlanEdit.MoveStop(x, new LonLat(0.03, 0.0497)))));
        assertEquals(PlanEditException.Reason.NO_ROAD, cutOff.reason(), cutOff.getMessage());
        assertEquals("edit-no-road", cutOff.reason().code());
        assertEquals(2, cutOff.editNumber(), "the last edit, after which the run has no road");
        assertEquals(List.of(am.runId(), x), cutOff.args(), "the run and the first place no road leads to");
        assertEquals("edit 2 (move stop " + x + "): run " + am.runId() + " would have no road for a bus to " + x + " in this order",
                cutOff.getMessage());
        assertArrayEquals(before, PlanCodec.toBytes(plan), "the plan is a value: a refused edit changes nothing");
    }

    /**
     * The same stop moved 0.003 deg (333.6 m) off the road at lon 0.04 snaps onto the road at (0.04, 0), between Z and
     * the school: the bus drives Z → X' 0.01 deg (1,111.95 m, 66.72 s) and X' → A 0.04 deg (4,447.80 m, 266.87 s),
     * every leg finite; Z1 rides 35 + 66.72 + 35 + 266.87 = 403.59 s, within the 450 s cap.
     */
    @Test
    void aStopMovedToAPlaceTheBusCanReachIsAccepted() {
        String x = stopAt(plan, 0.03), z = stopAt(plan, 0.05);
        EditedPlan moved = editor.apply(plan, List.of(new PlanEdit.MoveStop(x, new LonLat(0.04, 0.003))));
        BusRun am = run(moved.plan(), "A", RunDirection.AM);
        assertEquals(List.of(z, x, "A"), am.stops().stream().map(TimedStop::placeId).toList());
        assertEquals(drive_s(0.01), am.stops().get(1).legIn_s(), 0.5, "Z to the moved stop");
        assertEquals(drive_s(0.04), am.stops().get(2).legIn_s(), 0.5, "the moved stop to school");
        assertEquals(0.01 * DEG_M, am.stops().get(1).legIn_m(), 1);
        assertEquals(35 + drive_s(0.01) + 35 + drive_s(0.04), journey(moved.plan(), "Z1").amRide_s(), 1);
        assertEquals(35 + drive_s(0.04), journey(moved.plan(), "X1").amRide_s(), 1);
        BusRun pm = run(moved.plan(), "A", RunDirection.PM);
        assertEquals(drive_s(0.04), pm.stops().get(1).legIn_s(), 0.5, "the afternoon leg from school into the moved stop");
        assertTrue(moved.plan().validation().valid(), moved.plan().validation().verdict());
    }

    @Test
    void applyIsDeterministicAndTheEditedPlanRoundTrips() {
        String x = stopAt(plan, 0.03), z = stopAt(plan, 0.05);
        BusRun am = run(plan, "A", RunDirection.AM);
        List<PlanEdit> edits = List.of(new PlanEdit.MoveStop(x, new LonLat(0.025, 0)),
                new PlanEdit.ReorderRun(am.runId(), List.of(x, z)), new PlanEdit.SetBell("A", 8 * 3600 + 300));
        byte[] first = PlanCodec.toBytes(editor.apply(plan, edits).plan());
        byte[] second = PlanCodec.toBytes(editor.apply(plan, edits).plan());
        assertArrayEquals(first, second);
        Plan read = PlanCodec.fromBytes(first);
        assertArrayEquals(first, PlanCodec.toBytes(read));
        assertEquals(editor.apply(plan, edits).plan(), read);
        assertEquals(edits, PlanEditCodec.fromJson(PlanEditCodec.toJson(edits)));
    }

    @Test
    void theEditsJsonIsCheckedFieldByField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanEditCodec.fromJson("[{\"type\":\"set-bell\",\"schoolId\":\"A\",\"bell\":\"25:99\"}]"));
        assertTrue(e.getMessage().contains("edit 1: bell"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlanEditCodec.fromJson("[{\"type\":\"teleport\"}]"));
        assertThrows(IllegalArgumentException.class, () -> PlanEditCodec.fromJson("{}"));
        assertThrows(IllegalArgumentException.class,
                () -> PlanEditCodec.fromJson("[{\"type\":\"move-student\",\"studentId\":\"X1\",\"toStopId\":\"Z\",\"x\":1}]"));
    }
}
