package org.xiaoche.routing.export.pdf;

import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Depot;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.io.RosterReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The demo county planned once per test run (with a depot at the county-town school), for the PDF tests. */
final class DemoPlan {

    private static RoadNetwork network;
    private static Plan plan;

    private DemoPlan() {
    }

    static synchronized RoadNetwork network() throws Exception {
        load();
        return network;
    }

    static synchronized Plan plan() throws Exception {
        load();
        return plan;
    }

    private static void load() throws Exception {
        if (plan != null) {
            return;
        }
        Path data = DemoCounty.extractTo(Files.createTempDirectory("xiaoche-pdf-demo"));
        network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE), Path.of("target", "graph-cache"), ProgressListener.NONE);
        PlanningPolicy policy = PlanningPolicy.defaults();
        var roster = RosterReader.readRoster(data.resolve(DemoCounty.SCHOOLS_FILE), data.resolve(DemoCounty.STUDENTS_FILE),
                CoordinateSystem.WGS84, network.area(policy.maxOutsideArea_m()));
        Fleet fleet = new Fleet(Fleet.defaults().busTypes(), List.of(new Depot("D1", roster.schools().get(0).location())));
        plan = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                .plan(roster.schools(), roster.students(), fleet, policy, ProgressListener.NONE).plan();
        Runtime.getRuntime().addShutdownHook(new Thread(network::close));
    }
}
