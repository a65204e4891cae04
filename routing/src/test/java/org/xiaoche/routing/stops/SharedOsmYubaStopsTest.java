package org.xiaoche.routing.stops;

import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.eligibility.EligibilityCalculator;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stop stage on Yuba County (rural California): its 40 named schools ({@code amenity=school} nodes and ways, read
 * by {@link PlaceNames}) and 20,000 homes placed 15 m beside randomly chosen walkable ways (tracks, paths and
 * private drives included), each attending the nearest school. Many homes are far from any road where a bus may
 * stop; at most 1 % of those who need transport may be left without a stop, each because no such road lies within
 * the policy's bound, checked independently in a straight line.
 */
public class SharedOsmYubaStopsTest {

    private static final Path GRAPH_CACHE = Path.of("target", "graph-cache");
    private static final String EXTRACT = "yuba-county-ca.osm.pbf";
    private static final int STUDENTS = 20_000;

    @Test
    void almostEveryStudentWhoNeedsTransportGetsAStop() {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        Path osm = osmDir.resolve(EXTRACT);
        Assumptions.assumeTrue(Files.isRegularFile(osm), SharedTestData.absentMessage("osm/" + EXTRACT));
        try (RoadNetwork network = RoadNetwork.importOrLoad(osm, GRAPH_CACHE, ProgressListener.NONE)) {
            List<School> schools = new ArrayList<>();
            for (PlaceNames.Place place : network.placeNames().listPlaces(PlaceNames.Kind.SCHOOL)) {
                schools.add(new School("S" + schools.size(), place.name(), SchoolLevel.NINE_YEAR, place.location(), 0,
                        LocalTime.of(8, 0), LocalTime.of(15, 30), false));
            }
            assertEquals(40, schools.size(), "41 schools are mapped as nodes and ways, 40 of them named");
            List<Student> students = homesBesideWalkableWays(network, schools, new Random(7));
            PlanningPolicy policy = PlanningPolicy.defaults();
            EligibilityResult eligibility = new EligibilityCalculator(network).compute(schools, students, policy, ProgressListener.NONE);
            long needing = eligibility.count(EligibilityStatus.NEEDS_TRANSPORT);

            StopPlanner planner = new StopPlanner(network);
            long start = System.nanoTime();
            StopPlan plan = planner.plan(eligibility.students(), policy);
            long took_ms = (System.nanoTime() - start) / 1_000_000;

            List<StopAssignment> overLimit = plan.walksOverLimit();
            long straight = plan.assignments().stream().filter(StopAssignment::walkStraightLine).count();
            long noStopWithinLimit = plan.assignments().stream()
                    .filter(a -> !a.served() || a.walkOverLimit() || a.walkStraightLine()).count();
            double maxOverLimit_m = overLimit.stream().mapToDouble(StopAssignment::walk_m).max().orElse(0);
            long fallbackStops = plan.stops().stream().filter(s -> plan.assignments().stream()
                    .noneMatch(a -> s.id().equals(a.stopId()) && !a.walkOverLimit() && !a.walkStraightLine())).count();
            System.out.printf(Locale.ROOT, "stops on %s: %d students, %d need transport, %d with no stop within the walk"
                            + " limit; now %d unserved, %d walk over the limit (max %.0f m, %d of them straight-line),"
                            + " %d stops (%d only for walks over the limit), %d ms%n",
                    EXTRACT, students.size(), needing, noStopWithinLimit, plan.unserved().size(), overLimit.size(),
                    maxOverLimit_m, overLimit.stream().filter(StopAssignment::walkStraightLine).count(),
                    plan.stops().size(), fallbackStops, took_ms);

            double[] over_m = overLimit.stream().mapToDouble(StopAssignment::walk_m).sorted().toArray();
            if (over_m.length > 0) {
                System.out.printf(Locale.ROOT, "walks over the limit: median %.0f m, p90 %.0f m; unserved: %s%n",
                        over_m[over_m.length / 2], over_m[(int) (over_m.length * 0.9)],
                        plan.unserved().stream().map(StopAssignment::reason).distinct().limit(5).toList());
            }
            System.out.println("first stop names: " + plan.stops().stream().limit(6).map(BusStop::name).toList());
            assertEquals(needing, plan.assignments().size(), "nobody dropped");
            assertTrue(noStopWithinLimit > 0.1 * needing, "the case is hard: " + noStopWithinLimit + " beyond the walk limit");
            assertTrue(plan.unserved().size() <= 0.01 * needing, plan.unserved().size() + " unserved of " + needing);
            assertTrue(straight <= noStopWithinLimit);
            StoppableRoads roads = planner.stoppableRoads(policy);
            for (StopAssignment a : plan.unserved()) {
                assertTrue(a.reason().startsWith("no road where a bus may stop within 3000 m"), a.reason());
                // True reason: even in a straight line no such road is within the bound of the network's part of the walk.
                Student student = students.stream().filter(st -> st.id().equals(a.studentId())).findFirst().orElseThrow();
                Optional<WalkPoint> nearestRoad = network.findWalkPoint(student.home(), roads::isStoppable);
                double access_m = Double.isNaN(a.homeAccess_m()) ? 0 : a.homeAccess_m();
                nearestRoad.ifPresent(r -> assertTrue(r.access_m() > policy.maxWalkToBusRoad_m() - access_m,
                        a.studentId() + " has a bus road " + r.access_m() + " m away in a straight line"));
            }
            for (StopAssignment a : plan.served()) {
                assertTrue(a.walk_m() <= policy.maxWalkToBusRoad_m() + 1e-6, a + " walks " + a.walk_m());
                assertEquals(a.walk_m() > policy.maxWalkToStopFor_m(a.grade()) + 1e-6, a.walkOverLimit(), a.toString());
            }
            Set<String> names = new HashSet<>();
            for (BusStop stop : plan.stops()) {
                assertFalse(stop.name().isBlank(), stop.id());
                assertTrue(names.add(stop.name()), "unique: " + stop.name());
            }
        }
    }

    /** Homes 15 m beside random points of random walkable edges, each at the nearest school in a straight line. */
    public static List<Student> homesBesideWalkableWays(RoadNetwork network, List<School> schools, Random random) {
        return homesBesideWalkableWays(network, schools, STUDENTS, random);
    }

    /** As above with {@code count} homes. */
    public static List<Student> homesBesideWalkableWays(RoadNetwork network, List<School> schools, int count, Random random) {
        List<Integer> walkable = new ArrayList<>();
        var all = network.baseGraph().getAllEdges();
        while (all.next()) {
            if (network.walkingGraph().isWalkable(all)) {
                walkable.add(all.getEdge());
            }
        }
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int edge = walkable.get(random.nextInt(walkable.size()));
            PointList geometry = network.baseGraph().getEdgeIteratorState(edge, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
            int k = random.nextInt(geometry.size() - 1);
            double t = random.nextDouble();
            double lat = geometry.getLat(k) + t * (geometry.getLat(k + 1) - geometry.getLat(k));
            double lon = geometry.getLon(k) + t * (geometry.getLon(k + 1) - geometry.getLon(k));
            LonLat home = new LonLat(lon, lat + (random.nextBoolean() ? 1 : -1) * 15 / 111_000.0);
            School nearest = schools.get(0);
            for (School school : schools) {
                if (PlaceNames.distance_m(home, school.location()) < PlaceNames.distance_m(home, nearest.location())) {
                    nearest = school;
                }
            }
            students.add(new Student("P" + i, nearest.id(), 1 + i % 9, home, false));
        }
        return students;
    }
}
