package org.xiaoche.routing.plan;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.export.PlanExport;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.stops.SharedOsmYubaStopsTest;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.StudentJourney;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole plan on Yuba County (rural California) with its 40 named mapped schools and 20,000 homes
 * beside walkable ways (see {@link SharedOsmYubaStopsTest}): reproducible while a core is busy, at
 * most 1 % of students needing transport unserved (each for want of a bus road near home), every
 * {@code cap_infeasible} student on the direct trip both ways, and the rules kept.
 */
class SharedOsmYubaPlanTest {

    private static final String EXTRACT = "yuba-county-ca.osm.pbf";

    @TempDir
    Path dir;

    @Test
    void planIsReproducibleServesAlmostEveryoneAndCarriesCapInfeasibleStudentsDirect() throws Exception {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        Path osm = osmDir.resolve(EXTRACT);
        Assumptions.assumeTrue(Files.isRegularFile(osm), SharedTestData.absentMessage("osm/" + EXTRACT));
        try (RoadNetwork network = RoadNetwork.importOrLoad(osm, Path.of("target", "graph-cache"), ProgressListener.NONE)) {
            List<School> schools = new ArrayList<>();
            for (PlaceNames.Place place : network.placeNames().listPlaces(PlaceNames.Kind.SCHOOL)) {
                int k = schools.size();
                // Staggered bells so that buses can serve several schools.
                schools.add(new School("S" + k, place.name(), SchoolLevel.NINE_YEAR, place.location(), 0,
                        LocalTime.of(7, 40).plusMinutes(25L * (k % 3)), LocalTime.of(15, 30).plusMinutes(25L * (k % 3)), false));
            }
            List<Student> students = SharedOsmYubaStopsTest.homesBesideWalkableWays(network, schools, new Random(7));
            PlanInput input = new PlanInput(schools, students, Fleet.defaults(), PlanningPolicy.defaults());
            // A small search budget keeps the test short; reproducibility holds for any budget.
            SchoolBusPlanner planner = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(),
                    new SolverBudget(2026, 8, 50, 400, java.time.Duration.ofSeconds(120)));

            PlanResult first = planner.plan(input, ProgressListener.NONE);
            AtomicBoolean stop = new AtomicBoolean();
            Thread busy = new Thread(() -> {
                double x = 0;
                while (!stop.get()) {
                    x += Math.sqrt(x + 1);
                }
            });
            busy.setDaemon(true);
            busy.start();
            PlanResult second;
            try {
                second = planner.plan(input, ProgressListener.NONE);
            } finally {
                stop.set(true);
            }
            assertArrayEquals(PlanCodec.toBytes(first.plan()), PlanCodec.toBytes(second.plan()), "plan.json differs");
            PlanExport.write(first, Function.identity(), dir.resolve("a"));
            PlanExport.write(second, Function.identity(), dir.resolve("b"));
            assertEquals(-1L, Files.mismatch(dir.resolve("a/timetable.csv"), dir.resolve("b/timetable.csv")), "timetable.csv differs");

            Plan plan = first.plan();
            PlanSummary s = plan.summary();
            System.out.printf(Locale.ROOT, "plan on %s: %d need transport, %d carried, %d unserved %s, %d walk over the limit,"
                            + " %d cap_infeasible, %d buses, %d runs; %s%n", EXTRACT, s.needingTransport(), s.transported(),
                    s.unserved(), s.unservedByReason(), s.walkOverLimit(), s.capInfeasible(), s.buses(), s.runs(), s.rulesVerdict());
            assertTrue(s.rulesValid(), s.rulesVerdict() + "\n" + plan.validation().violations().stream().limit(20)
                    .map(Object::toString).collect(Collectors.joining("\n")));
            assertTrue(s.unserved() <= 0.01 * s.needingTransport(), s.unserved() + " unserved of " + s.needingTransport());
            for (UnservedStudent u : plan.unserved()) {
                assertEquals(UnservedReason.NO_BUS_ROAD_NEAR_HOME, u.reasonCode(), u.toString());
                assertTrue(u.reason().startsWith("no road where a bus may stop within"), u.reason());
            }
            Map<String, BusRun> runs = plan.runs().stream().collect(Collectors.toMap(BusRun::runId, Function.identity()));
            for (StudentJourney j : plan.journeys()) {
                if (!j.capInfeasible()) {
                    continue;
                }
                BusRun am = runs.get(j.amRunId()), pm = runs.get(j.pmRunId());
                boolean amDirect = am.stops().get(am.stops().size() - 2).placeId().equals(j.stopId());
                boolean pmDirect = pm.stops().get(1).placeId().equals(j.stopId());
                assertTrue(amDirect || !j.capReason().startsWith("direct") && !j.capReason().startsWith("grade"),
                        j.studentId() + " rides " + am.runId() + " past other stops: " + j.capReason());
                assertTrue(pmDirect || !j.capReason().startsWith("afternoon"),
                        j.studentId() + " rides " + pm.runId() + " past other stops: " + j.capReason());
            }
        }
    }
}
