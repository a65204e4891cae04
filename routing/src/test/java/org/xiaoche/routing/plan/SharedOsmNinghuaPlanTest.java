package org.xiaoche.routing.plan;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.stops.SharedOsmYubaStopsTest;
import org.xiaoche.routing.stops.StopPlanner;
import org.xiaoche.routing.stops.StoppableRoads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review case on Ninghua (rural Fujian county town): three schools and 200 homes beside any walkable way,
 * a 600 m walk threshold.
 * Before, most students needing transport got no bus with a wrong reason (东大路 was dropped at import). Now
 * every one is carried, or unserved because no road where a bus may stop lies within the policy's bound,
 * which is checked independently in a straight line.
 */
public class SharedOsmNinghuaPlanTest {

    @Test
    void everyStudentNeedingTransportIsCarriedOrHasATrueReason() {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        Path osm = osmDir.resolve("ninghua-fujian.osm");
        Assumptions.assumeTrue(Files.isRegularFile(osm), SharedTestData.absentMessage("osm/ninghua-fujian.osm"));
        try (RoadNetwork network = RoadNetwork.importOrLoad(osm, Path.of("target", "graph-cache"), ProgressListener.NONE)) {
            assertTrue(network.importReport().warningLines().stream().anyMatch(l -> l.contains("东大路")),
                    "the import names the dropped road: " + network.importReport().warningLines());
            PlanInput input = reviewCase(network);
            List<Student> students = input.students();
            PlanningPolicy policy = input.policy();
            PlanResult result = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                    .plan(input, ProgressListener.NONE);
            PlanSummary s = result.summary();
            System.out.printf(Locale.ROOT, "Ninghua: %d need transport, %d carried, %d unserved %s, %d walk over the limit; %s%n",
                    s.needingTransport(), s.transported(), s.unserved(), s.unservedByReason(), s.walkOverLimit(), s.rulesVerdict());
            assertTrue(s.needingTransport() >= 40, "a real case: " + s.needingTransport() + " need transport");
            assertTrue(s.rulesValid(), s.rulesVerdict() + "\n" + result.validation().violations().stream().limit(15)
                    .map(Object::toString).collect(Collectors.joining("\n")));
            assertEquals(s.needingTransport(), s.transported() + s.unserved());
            assertTrue(s.transported() > 0.9 * s.needingTransport(), s.transported() + " of " + s.needingTransport());
            Map<String, Student> byId = students.stream().collect(Collectors.toMap(Student::id, Function.identity()));
            StoppableRoads roads = new StopPlanner(network).stoppableRoads(policy);
            for (UnservedStudent u : result.plan().unserved()) {
                assertEquals(UnservedReason.NO_BUS_ROAD_NEAR_HOME, u.reasonCode(), u.toString());
                Optional<WalkPoint> nearest = network.findWalkPoint(byId.get(u.studentId()).home(), roads::isStoppable);
                nearest.ifPresent(p -> assertTrue(p.access_m() > policy.maxWalkToBusRoad_m() - 300,
                        u.studentId() + " has a road where a bus may stop " + p.access_m() + " m away: " + u.reason()));
            }
        }
    }

    /**
     * The review case's inputs on the Ninghua network: three schools and 200 homes beside walkable ways
     * (seeded), a 600 m walk threshold, the default fleet.
     */
    public static PlanInput reviewCase(RoadNetwork network) {
        Random random = new Random(11);
        var bounds = network.baseGraph().getBounds();
        var centre = new org.xiaoche.routing.geo.LonLat((bounds.minLon + bounds.maxLon) / 2, (bounds.minLat + bounds.maxLat) / 2);
        List<School> seeds = List.of(new School("X", "x", SchoolLevel.PRIMARY, centre, 0,
                LocalTime.of(8, 0), LocalTime.of(16, 0), false));
        List<Student> placed = SharedOsmYubaStopsTest.homesBesideWalkableWays(network, seeds, 203, random);
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            schools.add(new School("S" + i, "学校" + i, SchoolLevel.NINE_YEAR, placed.get(i).home(), 0,
                LocalTime.of(7, 40).plusMinutes(25L * i), LocalTime.of(16, 0).plusMinutes(25L * i), false));
        }
        List<Student> students = new ArrayList<>();
        for (int i = 3; i < placed.size(); i++) {
            students.add(new Student("P" + i, "S" + (i % 3), 1 + i % 9, placed.get(i).home(), false));
        }
        // The extract is a small town: a 600 m walk threshold makes enough students need a bus to test the stops.
        PlanningPolicy policy = new PlanningPolicy(600, Map.of(), PlanningPolicy.DEFAULT_MAX_HOME_SNAP_M,
                PlanningPolicy.DEFAULT_MAX_OUTSIDE_AREA_M);
        return new PlanInput(schools, students, Fleet.defaults(), policy);
    }
}
