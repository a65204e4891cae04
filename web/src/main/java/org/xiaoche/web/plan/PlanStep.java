package org.xiaoche.web.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.TimedStop;
import org.xiaoche.web.dataset.Dataset;
import org.xiaoche.web.dataset.DatasetRepository;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionRepository;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Job {@code plan}: stops, bus routes and timetables of one dataset with the engine's
 * {@link SchoolBusPlanner} (jsprit routes), then the road geometry of every run; the plan is stored
 * whole, or not at all. Parameters: {@code datasetId}; optional {@code fleetFile} and
 * {@code policyFile}, paths under the data folder of uploaded JSON files (default fleet and policy
 * otherwise). A plan the validator rejects is stored too, marked invalid.
 */
@Component
public class PlanStep implements JobStep {

    public static final String KIND = "plan";
    public static final String RESULT_TYPE = "plan";

    private final DatasetRepository datasets;
    private final RegionRepository regions;
    private final RegionNetworks networks;
    private final PlanRepository plans;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final XiaocheProperties properties;

    public PlanStep(DatasetRepository datasets, RegionRepository regions, RegionNetworks networks, PlanRepository plans,
                    TransactionTemplate transaction, ObjectMapper json, XiaocheProperties properties) {
        this.datasets = datasets;
        this.regions = regions;
        this.networks = networks;
        this.plans = plans;
        this.transaction = transaction;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) throws Exception {
        long datasetId = context.longParam("datasetId");
        String fleetFile = context.params().get("fleetFile");
        String policyFile = context.params().get("policyFile");
        Fleet fleet = fleetFile == null ? Fleet.defaults() : Fleet.read(properties.dataDir().resolve(fleetFile));
        PlanningPolicy policy = policyFile == null ? PlanningPolicy.defaults() : PlanningPolicy.read(properties.dataDir().resolve(policyFile));
        String createdBy = context.params().get("createdBy");
        long planId = compute(datasetId, fleet, policy, context.jobId(), createdBy, context.progress());
        return new JobResult(RESULT_TYPE, planId);
    }

    /** Plans and stores a dataset; returns the new plan's id. Also used by the demo. */
    public long compute(long datasetId, Fleet fleet, PlanningPolicy policy, Long jobId, String createdBy,
                        ProgressListener progress) throws Exception {
        Dataset dataset = datasets.findById(datasetId).orElseThrow(() -> new IllegalStateException("dataset " + datasetId + " was deleted"));
        PlanningPolicy effective = withInstanceSolverBudget(policy);
        progress.progress("load road network", 0.0);
        RoadNetwork network = networks.get(regions.findById(dataset.regionId()).orElseThrow());
        progress.progress("load roster", 0.02);
        var schools = datasets.schools(datasetId);
        var students = datasets.students(datasetId);
        PlanResult result = new SchoolBusPlanner(network, new JspritSchoolRouteSolver())
                .plan(schools, students, fleet, effective, progress.slice(0.03, 0.9));

        progress.progress("route geometry", 0.9);
        BusRouteGeometry geometry = new BusRouteGeometry(network);
        List<BusRun> runs = result.timetable().runs();
        Map<String, List<LonLat>> lines = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            BusRun run = runs.get(i);
            lines.put(run.runId(), geometry.through(run.stops().stream().map(TimedStop::location).toList()));
            progress.progress("route geometry", 0.9 + 0.05 * (i + 1) / runs.size());
        }

        progress.progress("store plan", 0.95);
        String policyJson = json.writeValueAsString(effective);
        String fleetJson = json.writeValueAsString(fleet);
        Long planId = transaction.execute(status -> plans.insert(datasetId, jobId, result, lines, policyJson, fleetJson, createdBy));
        progress.progress("done", 1.0);
        return planId;
    }

    private PlanningPolicy withInstanceSolverBudget(PlanningPolicy policy) {
        Double seconds = properties.planning().solverSeconds();
        if (seconds == null) {
            return policy;
        }
        var r = policy.routes();
        return policy.withRoutes(new org.xiaoche.routing.policy.RouteRules(r.rideCap_s(), r.journeyCapGrades1to3_s(),
                r.childWalkSpeed_mps(), r.waitAtStop_s(), r.dwellFixed_s(), r.dwellPerStudent_s(),
                r.arrivalEarliestBeforeBell_s(), r.arrivalLatestBeforeBell_s(), r.chaperoneCostPerBusDay(), seconds));
    }

    /** Where uploaded fleet and policy files of plan jobs live, relative to the data folder. */
    static Path inputsDir() {
        return Path.of("plan-inputs");
    }
}
