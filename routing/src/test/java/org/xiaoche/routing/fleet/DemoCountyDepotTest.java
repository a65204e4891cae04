package org.xiaoche.routing.fleet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.roster.io.RosterReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A depot in the sea or far from bus roads is refused before planning, naming the fleet file and the depot. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCountyDepotTest {

    private static final LonLat SEA = new LonLat(123.5, 36.0);

    @TempDir
    static Path dir;
    RoadNetwork network;
    List<School> schools;
    List<Student> students;
    final PlanningPolicy policy = PlanningPolicy.defaults();

    @BeforeAll
    void load() throws Exception {
        Path data = DemoCounty.extractTo(dir.resolve("demo"));
        network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE), Path.of("target", "graph-cache"), ProgressListener.NONE);
        schools = RosterReader.readSchools(data.resolve(DemoCounty.SCHOOLS_FILE), CoordinateSystem.WGS84,
                network.area(policy.maxOutsideArea_m()));
        Map<String, School> byId = schools.stream().collect(Collectors.toMap(School::id, Function.identity()));
        students = RosterReader.readStudents(data.resolve(DemoCounty.STUDENTS_FILE), CoordinateSystem.WGS84,
                network.area(policy.maxOutsideArea_m()), byId);
    }

    @AfterAll
    void close() {
        network.close();
    }

    private Fleet fleetWith(Depot... depots) {
        return new Fleet(Fleet.defaults().busTypes(), List.of(depots));
    }

    @Test
    void depotInTheSeaFailsPlanningWithinSeconds() {
        Fleet fleet = fleetWith(new Depot("D1", schools.get(0).location()), new Depot("SEA", SEA));
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                IllegalArgumentException.class, () -> new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                        .plan(schools, students, fleet, policy, ProgressListener.NONE)));
        assertTrue(e.getMessage().startsWith("fleet: depot SEA (123.50000, 36.00000) is outside the region"), e.getMessage());
        assertTrue(!e.getMessage().contains("D1"), "the good depot is not reported: " + e.getMessage());
    }

    @Test
    void fleetFileNamedInTheMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("my-fleet.json"), "{\"busTypes\":[{\"id\":\"bus35\",\"seats\":35}],"
                + "\"depots\":[{\"id\":\"海上\",\"lon\":123.5,\"lat\":36.0}]}");
        Fleet fleet = Fleet.read(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DepotCheck.check(file.getFileName().toString(), fleet, network, policy));
        assertTrue(e.getMessage().startsWith("my-fleet.json: depot 海上 "), e.getMessage());
        assertTrue(e.getMessage().contains("outside the region: farther than 3000 m"), e.getMessage());
    }

    @Test
    void depotInsideTheRegionButFarFromBusRoadsIsRefused() {
        // Walk east from the first school until the nearest bus road is more than the bound away but a
        // mapped way is still near enough for the point to be inside the region.
        LonLat start = schools.get(0).location();
        var area = network.area(policy.maxOutsideArea_m());
        LonLat far = null;
        for (int step = 1; step < 4_000 && far == null; step++) {
            for (double[] d : new double[][]{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                LonLat p = new LonLat(start.lon() + d[0] * step * 0.0005, start.lat() + d[1] * step * 0.0005);
                var snap = network.snapForBus(p);
                if (area.contains(p) && (!snap.isValid() || snap.getQueryDistance() > DepotCheck.MAX_DEPOT_SNAP_M + 100)) {
                    far = p;
                    break;
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(far != null, "no point inside the region far from bus roads");
        Fleet fleet = fleetWith(new Depot("FIELD", far));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DepotCheck.check("f.json", fleet, network, policy));
        assertTrue(e.getMessage().contains("depot FIELD") && e.getMessage().contains("farther than 500 m from any road a bus may use"),
                e.getMessage());
    }

    @Test
    void depotAtASchoolIsAccepted() {
        assertDoesNotThrow(() -> DepotCheck.check("f.json", fleetWith(new Depot("D1", schools.get(0).location())), network, policy));
    }
}
