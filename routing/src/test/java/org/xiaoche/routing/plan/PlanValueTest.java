package org.xiaoche.routing.plan;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SchoolRoutePlan;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.roster.io.RosterReader;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo county's plan as a value: stored and read back unchanged, re-scored and re-validated
 * without the solver, re-planned with one school changed re-solving only that school, and the
 * fleet's size and the caps honoured as the issue describes.
 */
class PlanValueTest {

    @TempDir
    static Path dir;

    static RoadNetwork network;
    static PlanInput input;
    static PlanResult base;
    static final ConcurrentLinkedQueue<String> solvedSchools = new ConcurrentLinkedQueue<>();

    /** Counts which schools the solver is asked to solve. */
    static final SchoolRouteSolver COUNTING = new SchoolRouteSolver() {
        private final JspritSchoolRouteSolver jsprit = new JspritSchoolRouteSolver();

        @Override
        public String name() {
            return jsprit.name();
        }

        @Override
        public SchoolRoutePlan solve(SchoolRoutingProblem problem, SolverBudget budget) {
            solvedSchools.add(problem.schoolId());
            return jsprit.solve(problem, budget);
        }
    };

    @BeforeAll
    static void planDemoCounty() throws Exception {
        Path data = DemoCounty.extractTo(dir.resolve("demo"));
        network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE), Path.of("target", "graph-cache"), ProgressListener.NONE);
        PlanningPolicy policy = PlanningPolicy.defaults();
        var roster = RosterReader.readRoster(data.resolve(DemoCounty.SCHOOLS_FILE), data.resolve(DemoCounty.STUDENTS_FILE),
                CoordinateSystem.WGS84, network.area(policy.maxOutsideArea_m()));
        List<School> schools = roster.schools();
        List<Student> students = roster.students();
        input = new PlanInput(schools, students, Fleet.defaults(), policy);
        base = new SchoolBusPlanner(network, COUNTING, SolverBudget.defaults()).plan(input, ProgressListener.NONE);
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        network.close();
    }

    @Test
    void theStoredFormReadsBackAsTheSameValueAndTheSameBytes() throws Exception {
        Plan plan = base.plan();
        byte[] bytes = PlanCodec.toBytes(plan);
        Plan read = PlanCodec.fromBytes(bytes);
        assertEquals(plan, read);
        assertArrayEquals(bytes, PlanCodec.toBytes(read));
        assertEquals(Plan.FORMAT_VERSION, read.formatVersion());
    }

    @Test
    void aStoredPlanReScoresAndReValidatesToWhatItStored() {
        Plan read = PlanCodec.fromBytes(PlanCodec.toBytes(base.plan()));
        assertEquals(read.validation(), PlanChecks.revalidate(read), "the recorded legs give the planner's verdict");
        assertEquals(read.summary(), PlanScoring.score(read));
        assertTrue(read.summary().rulesValid(), read.summary().rulesVerdict());
    }

    @Test
    void aTamperedStoredPlanFailsReValidation() {
        Plan plan = base.plan();
        var bus = plan.buses().get(0);
        BusRun run = bus.runs().get(0);
        TimedStop first = run.stops().get(0);
        // Two extra boarders the students list does not know about.
        TimedStop tampered = new TimedStop(first.seq(), first.placeId(), first.school(), first.location(), first.arrival_s(),
                first.departure_s(), first.boarding() + 2, first.alighting(), first.loadAfter() + 2, first.legIn_s(), first.legIn_m());
        List<TimedStop> stops = new java.util.ArrayList<>(run.stops());
        stops.set(0, tampered);
        List<BusRun> runs = new java.util.ArrayList<>(bus.runs());
        runs.set(0, new BusRun(run.runId(), run.busId(), run.schoolId(), run.direction(), stops));
        List<org.xiaoche.routing.timetable.Bus> buses = new java.util.ArrayList<>(plan.buses());
        buses.set(0, new org.xiaoche.routing.timetable.Bus(bus.busId(), bus.busTypeId(), bus.seats(), runs, bus.returnLegs_m(),
                bus.beyondFleet()));
        Plan changed = new Plan(plan.formatVersion(), plan.inputs(), plan.policy(), plan.fleet(), plan.solver(), plan.schools(),
                plan.stops(), buses, plan.journeys(), plan.needing(), plan.unserved(), plan.schoolRuns(), plan.summary(),
                plan.validation());
        assertFalse(PlanChecks.revalidate(changed).valid());
    }

    @Test
    void replanWithOneBellMovedReSolvesOnlyThatSchoolAndReUsesTheOthersRuns() {
        String moved = base.plan().schoolRuns().get(0).schoolId();
        School school = input.schools().stream().filter(s -> s.id().equals(moved)).findFirst().orElseThrow();
        PlanInput changed = input.withBellTime(moved, school.bellTime().plusMinutes(20));
        solvedSchools.clear();
        PlanResult replanned = new SchoolBusPlanner(network, COUNTING, SolverBudget.defaults())
                .replan(base.plan(), changed, ProgressListener.NONE);
        assertEquals(Set.of(moved), Set.copyOf(solvedSchools), "only the changed school goes to the solver");
        assertEquals(2, solvedSchools.size(), "its morning and its afternoon");
        for (SchoolRuns runs : replanned.plan().schoolRuns()) {
            SchoolRuns before = base.plan().findSchoolRuns(runs.schoolId()).orElseThrow();
            if (runs.schoolId().equals(moved)) {
                assertTrue(runs.solved());
                continue;
            }
            assertFalse(runs.solved(), runs.schoolId() + " re-used");
            assertEquals(before.morning(), runs.morning(), runs.schoolId());
            assertEquals(before.afternoon(), runs.afternoon(), runs.schoolId());
            assertEquals(runShapes(base.plan(), runs.schoolId()), runShapes(replanned.plan(), runs.schoolId()),
                    "same stops, loads and rides for " + runs.schoolId());
        }
        assertTrue(replanned.validation().valid(), replanned.validation().verdict());
        int bell_s = replanned.plan().schools().stream().filter(s -> s.id().equals(moved)).findFirst().orElseThrow().bell_s();
        assertEquals(school.bellTime().plusMinutes(20).toSecondOfDay(), bell_s);
    }

    @Test
    void replanWithOneSchoolClosedReSolvesOnlyTheReceivingSchool() {
        List<String> routed = base.plan().schoolRuns().stream().map(SchoolRuns::schoolId).toList();
        Map<String, School> byId = input.schools().stream().collect(Collectors.toMap(School::id, Function.identity()));
        String closed = routed.get(0);
        String receiving = routed.stream().filter(id -> !id.equals(closed)
                && byId.get(id).level() == byId.get(closed).level()).findFirst().orElseThrow();
        List<School> open = input.schools().stream().filter(s -> !s.id().equals(closed)).toList();
        List<Student> moved = input.students().stream().map(s -> s.schoolId().equals(closed)
                ? new Student(s.id(), receiving, s.grade(), s.home(), s.wheelchair()) : s).toList();
        PlanInput changed = new PlanInput(open, moved, input.fleet(), input.policy());
        solvedSchools.clear();
        PlanResult replanned = new SchoolBusPlanner(network, COUNTING, SolverBudget.defaults())
                .replan(base.plan(), changed, ProgressListener.NONE);
        assertEquals(Set.of(receiving), Set.copyOf(solvedSchools), "only the receiving school goes to the solver");
        for (SchoolRuns runs : replanned.plan().schoolRuns()) {
            if (!runs.schoolId().equals(receiving)) {
                assertFalse(runs.solved(), runs.schoolId() + " re-used");
                assertEquals(runShapes(base.plan(), runs.schoolId()), runShapes(replanned.plan(), runs.schoolId()),
                        "same stops, loads and rides for " + runs.schoolId());
            }
        }
        assertTrue(replanned.plan().schoolRuns().stream().noneMatch(r -> r.schoolId().equals(closed)));
    }

    /** Each run of a school as its stops with boarding and the time from each stop to school (shift-free). */
    private static Set<List<String>> runShapes(Plan plan, String schoolId) {
        return plan.runs().stream().filter(r -> r.schoolId().equals(schoolId)).map(r -> r.stops().stream()
                .map(s -> s.placeId() + ":" + s.boarding() + ":" + s.alighting() + ":"
                        + Math.round(r.direction() == RunDirection.AM ? r.last().arrival_s() - s.arrival_s() : s.arrival_s() - r.first().departure_s()))
                .toList()).collect(Collectors.toSet());
    }

    @Test
    void replanWithNothingChangedCallsNoSolverAndGivesTheSamePlan() {
        solvedSchools.clear();
        PlanResult again = new SchoolBusPlanner(network, COUNTING, SolverBudget.defaults()).replan(base.plan(), input, ProgressListener.NONE);
        assertTrue(solvedSchools.isEmpty(), "solved: " + solvedSchools);
        assertEquals(base.plan().buses(), again.plan().buses());
        assertEquals(base.plan().summary(), again.plan().summary());
    }

    @Test
    void capInfeasibleStudentsRideTheDirectTripMorningAndAfternoon() {
        Map<String, BusRun> runs = base.plan().runs().stream().collect(Collectors.toMap(BusRun::runId, Function.identity()));
        List<StudentJourney> infeasible = base.plan().journeys().stream().filter(StudentJourney::capInfeasible).toList();
        assertFalse(infeasible.isEmpty(), "the demo county has students no trip can serve within the caps");
        for (StudentJourney j : infeasible) {
            BusRun am = runs.get(j.amRunId());
            assertEquals(j.stopId(), am.stops().get(am.stops().size() - 2).placeId(), j.studentId() + ": last pickup before school");
            BusRun pm = runs.get(j.pmRunId());
            assertEquals(j.stopId(), pm.stops().get(1).placeId(), j.studentId() + ": first drop-off after school");
            assertFalse(j.capReason().isBlank());
        }
    }

    @Test
    void aFleetOfOneBusReportsItsShortfall() {
        Fleet oneBus = new Fleet(List.of(new BusType("bus56", 56, 800, 3.5, 1)), List.of());
        PlanResult result = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                .replan(base.plan(), input.withFleet(oneBus), ProgressListener.NONE);
        PlanSummary s = result.summary();
        assertTrue(s.buses() > 1);
        assertEquals(s.buses() - 1, s.busesBeyondFleet(), "every bus but one is beyond the fleet");
        assertEquals(s.buses() - 1, result.plan().buses().stream().filter(b -> b.beyondFleet()).count());
        assertFalse(s.coverageComplete(), "a shortfall is never a complete plan");
        assertTrue(s.coverageVerdict().contains("beyond the fleet"), s.coverageVerdict());
    }

    @Test
    void busKmAreTheSumOfTheRecordedLegs() {
        Plan plan = base.plan();
        double metres = 0;
        for (var bus : plan.buses()) {
            for (BusRun run : bus.runs()) {
                for (TimedStop stop : run.stops()) {
                    metres += stop.legIn_m();
                }
            }
        }
        assertEquals(metres / 1000, plan.summary().busKmPerDay(), 1e-6);
        assertTrue(plan.summary().busKmPerDay() > 100, "the demo buses drive");
    }

    @Test
    void everyStopOfTheDemoPlanHasAUniqueChineseName() {
        List<PlanStop> stops = base.plan().stops();
        assertFalse(stops.isEmpty());
        java.util.Set<String> names = new java.util.HashSet<>();
        for (PlanStop stop : stops) {
            assertTrue(stop.name().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    stop.id() + " is named in Chinese: '" + stop.name() + "'");
            assertTrue(names.add(stop.name()), "unique: " + stop.name());
        }
        java.util.Set<String> called = new java.util.HashSet<>();
        base.plan().runs().forEach(r -> r.stops().stream().filter(t -> !t.school()).forEach(t -> called.add(t.placeId())));
        assertEquals(called, stops.stream().map(PlanStop::id).collect(Collectors.toSet()), "the plan lists exactly the stops its runs call at");
    }
}
