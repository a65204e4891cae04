package org.xiaoche.routing.stops;

import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.TestNetworks;
import org.xiaoche.routing.network.ShortestWalkTree;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.Student;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stops on a real extract (countryside north of Bayreuth) for students placed beside residential
 * roads. Every needing student must be assigned within the limit for the grade, or flagged as walking
 * over it (and then no chosen stop is within the limit), or reported; each walk along the network is
 * measured again, independently, with an unbounded {@link ShortestWalkTree} towards the stop.
 */
class SharedOsmStopsTest {

    private static final Path GRAPH_CACHE = Path.of("target", "graph-cache");
    private static final String EXTRACT = "north-bayreuth.osm.gz";

    @Test
    void everyStudentIsAssignedWithinTheLimitOrReported() {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        Path osm = osmDir.resolve(EXTRACT);
        Assumptions.assumeTrue(Files.isRegularFile(osm), SharedTestData.absentMessage("osm/" + EXTRACT));
        try (RoadNetwork network = RoadNetwork.importOrLoad(osm, GRAPH_CACHE, ProgressListener.NONE)) {
            List<LonLat> homes = TestNetworks.pointsBesideResidentialRoads(network, 400, new Random(11));
            List<StudentEligibility> students = new ArrayList<>();
            for (int i = 0; i < homes.size(); i++) {
                students.add(new StudentEligibility(new Student("P" + i, "S1", 1 + i % 9, homes.get(i), false),
                        EligibilityStatus.NEEDS_TRANSPORT, 3_000, 15, 0, ""));
            }
            PlanningPolicy policy = PlanningPolicy.defaults();
            StopPlanner planner = new StopPlanner(network);
            long start = System.nanoTime();
            StopPlan plan = planner.plan(students, policy);
            long took_ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("stops on " + EXTRACT + ": " + students.size() + " students, " + plan.stops().size()
                    + " stops, " + plan.unserved().size() + " unserved, " + plan.walksOverLimit().size()
                    + " walk over the limit, " + took_ms + " ms");

            assertEquals(students.size(), plan.assignments().size(), "nobody dropped");
            assertTrue(plan.served().size() >= 0.99 * students.size(), plan.served().size() + " served");
            assertTrue(plan.stops().size() < plan.served().size() / 2, "stops are shared: " + plan.stops().size());
            for (StopAssignment a : plan.unserved()) {
                assertTrue(a.reason().startsWith("no road where a bus may stop within") || a.reason().startsWith("off network"), a.reason());
            }

            // Independent check: one full walking tree per stop, compared with every assigned walk.
            Map<String, ShortestWalkTree> trees = new LinkedHashMap<>();
            int onStoppableRoad = 0;
            for (BusStop stop : plan.stops()) {
                WalkPoint at = network.findWalkPoint(stop.location()).orElseThrow();
                assertTrue(at.access_m() < 0.5, stop.id() + " lies on the network");
                trees.put(stop.id(), ShortestWalkTree.towards(network.walkingGraph(), at));
                WalkPoint onRoad = network.findWalkPoint(stop.location(), planner.stoppableRoads()::isStoppable).orElseThrow();
                onStoppableRoad += onRoad.access_m() < 0.5 ? 1 : 0;
                int count = (int) plan.assignments().stream().filter(a -> stop.id().equals(a.stopId())).count();
                assertEquals(count, stop.studentCount(), stop.id() + " student count");
            }
            assertEquals(plan.stops().size(), onStoppableRoad, "every stop on a road where a bus may stop");
            for (int i = 0; i < students.size(); i++) {
                StopAssignment a = plan.assignments().get(i);
                double limit_m = policy.maxWalkToStopFor_m(a.grade());
                WalkPoint home = network.findWalkPoint(homes.get(i)).orElseThrow();
                if (a.served() && !a.walkStraightLine()) {
                    assertEquals(a.walk_m() > limit_m, a.walkOverLimit(), a + " walks " + a.walk_m() + " m, limit " + limit_m);
                    assertTrue(a.walk_m() <= policy.maxWalkToBusRoad_m(), a + " walks " + a.walk_m());
                    double independent_m = trees.get(a.stopId()).walk_m(home);
                    assertEquals(independent_m, a.walk_m(), 1.0, a.studentId() + " walk to " + a.stopId());
                }
                if (a.walkOverLimit() || !a.served()) {
                    for (ShortestWalkTree tree : trees.values()) {
                        assertTrue(tree.walk_m(home) > limit_m, a.studentId() + " could have walked to a chosen stop");
                    }
                }
            }
            assertEquals(plan, planner.plan(students, policy), "same input, same plan");
        }
    }
}
