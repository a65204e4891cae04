package org.xiaoche.routing.plan;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.roster.io.RosterReader;
import org.xiaoche.routing.timetable.StudentJourney;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo county planned end to end; the plan must pass the independent validator. */
class DemoCountyPlanTest {

    @TempDir
    static Path dir;

    static PlanResult result;
    static PlanResult smallFleetWithDepot;

    @BeforeAll
    static void planDemoCounty() throws Exception {
        Path data = DemoCounty.extractTo(dir.resolve("demo"));
        try (RoadNetwork network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE), Path.of("target", "graph-cache"),
                ProgressListener.NONE)) {
            PlanningPolicy defaults = PlanningPolicy.defaults();
            // A short solver budget keeps the test quick; the validator must accept whatever it finds.
            PlanningPolicy policy = defaults.withRoutes(new org.xiaoche.routing.policy.RouteRules(defaults.routes().rideCap_s(),
                    defaults.routes().journeyCapGrades1to3_s(), defaults.routes().childWalkSpeed_mps(), defaults.routes().waitAtStop_s(),
                    defaults.routes().dwellFixed_s(), defaults.routes().dwellPerStudent_s(), defaults.routes().arrivalEarliestBeforeBell_s(),
                    defaults.routes().arrivalLatestBeforeBell_s(), defaults.routes().chaperoneCostPerBusDay(), 6));
            var roster = RosterReader.readRoster(data.resolve(DemoCounty.SCHOOLS_FILE), data.resolve(DemoCounty.STUDENTS_FILE),
                    CoordinateSystem.WGS84, network.area(policy.maxOutsideArea_m()));
            List<School> schools = roster.schools();
            List<Student> students = roster.students();
            result = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), org.xiaoche.routing.optimization.SolverBudget.defaults())
                    .plan(schools, students, Fleet.defaults(), policy, ProgressListener.NONE);
            // Five 56-seat buses, two 35-seat, a depot at the county-town school: too few buses on purpose.
            Fleet small = new Fleet(List.of(new org.xiaoche.routing.fleet.BusType("bus35", 35, 600, 2.8, 2),
                    new org.xiaoche.routing.fleet.BusType("bus56", 56, 800, 3.5, 5)),
                    List.of(new org.xiaoche.routing.fleet.Depot("D1", schools.get(0).location())));
            smallFleetWithDepot = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), org.xiaoche.routing.optimization.SolverBudget.defaults())
                    .plan(schools, students, small, policy, ProgressListener.NONE);
        }
    }

    @Test
    void planPassesTheIndependentValidator() {
        assertTrue(result.validation().valid(), () -> result.validation().verdict() + "\n"
                + result.validation().violations().stream().limit(30).map(Object::toString).collect(Collectors.joining("\n")));
        assertEquals(0, result.summary().studentsOverCaps());
    }

    @Test
    void everyStudentWhoNeedsTransportIsCarriedOnceOrReportedWithAReason() {
        Set<String> needing = result.eligibility().students().stream()
                .filter(e -> e.status() == EligibilityStatus.NEEDS_TRANSPORT).map(e -> e.student().id())
                .collect(Collectors.toSet());
        Set<String> carried = new HashSet<>();
        for (StudentJourney j : result.timetable().students()) {
            assertTrue(carried.add(j.studentId()), "carried once: " + j.studentId());
            assertTrue(needing.contains(j.studentId()));
        }
        for (String id : needing) {
            assertTrue(carried.contains(id) || !result.timetable().unservedReasons().getOrDefault(id, "").isBlank(), id);
        }
        assertTrue(carried.size() > 0.9 * needing.size(), carried.size() + " of " + needing.size() + " carried");
        assertTrue(result.summary().buses() > 0);
        assertFalse(result.timetable().runs().isEmpty());
    }

    @Test
    void aFleetTooSmallIsReportedAndDepotLegsCount() {
        PlanSummary s = smallFleetWithDepot.summary();
        assertTrue(smallFleetWithDepot.validation().valid(), smallFleetWithDepot.validation().verdict());
        assertEquals(Math.max(0, s.buses() - 7), s.busesBeyondFleet(), "buses beyond the 7 available");
        assertTrue(s.busesBeyondFleet() > 0, "the demo county needs more than 7 buses");
        assertTrue(s.busKmPerDay() > 0);
    }
}
