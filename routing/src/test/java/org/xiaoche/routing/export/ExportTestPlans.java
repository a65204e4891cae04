package org.xiaoche.routing.export;

import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.export.edition.RunRoads;
import org.xiaoche.routing.export.edition.RunShapes;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.RouteRoadNames;
import java.util.Locale;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.plan.SharedOsmNinghuaPlanTest;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.io.RosterReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Plans the export tests share, each made once per test JVM: the demo county, and the Ninghua review
 * case over {@code ../shared/osm} (empty when that extract is absent). Road lines come from the network.
 */
public final class ExportTestPlans {

    /** A planned case: the planning run, the road line of each run and the roads it drives. */
    public record Planned(PlanResult result, RunShapes shapes, RunRoads roads) {
    }

    /** The demo county's OSM file, as the demo plan was made from it. */
    public static Path demoOsm;
    private static Planned demo;
    private static Optional<Planned> ninghua;

    private ExportTestPlans() {
    }

    public static synchronized Planned demo() {
        if (demo == null) {
            try {
                Path data = DemoCounty.extractTo(Files.createTempDirectory("xiaoche-export-demo"));
                demoOsm = data.resolve(DemoCounty.OSM_FILE);
                try (RoadNetwork network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE),
                        Path.of("target", "graph-cache"), ProgressListener.NONE)) {
                    PlanningPolicy policy = PlanningPolicy.defaults();
                    var roster = RosterReader.readRoster(data.resolve(DemoCounty.SCHOOLS_FILE),
                            data.resolve(DemoCounty.STUDENTS_FILE), CoordinateSystem.WGS84,
                            network.area(policy.maxOutsideArea_m()));
                    demo = plan(network, new PlanInput(roster.schools(), roster.students(), Fleet.defaults(), policy));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("the demo county's roster must read", e);
            }
        }
        return demo;
    }

    public static synchronized Optional<Planned> ninghua() {
        if (ninghua == null) {
            Optional<Path> osm = SharedTestData.dir("osm").map(d -> d.resolve("ninghua-fujian.osm")).filter(Files::isRegularFile);
            ninghua = osm.map(file -> {
                try (RoadNetwork network = RoadNetwork.importOrLoad(file, Path.of("target", "graph-cache"), ProgressListener.NONE)) {
                    return plan(network, SharedOsmNinghuaPlanTest.reviewCase(network));
                }
            });
        }
        return ninghua;
    }

    private static Planned plan(RoadNetwork network, PlanInput input) {
        PlanResult result = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                .plan(input, ProgressListener.NONE);
        BusRouteGeometry geometry = new BusRouteGeometry(network);
        return new Planned(result, RunShapes.compute(result.plan(), geometry::through),
                RunRoads.compute(result.plan(), places -> new RouteRoadNames(network).labelsThrough(places, Locale.CHINA)));
    }
}
