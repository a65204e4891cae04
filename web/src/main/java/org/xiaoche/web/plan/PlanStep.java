package org.xiaoche.web.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.routing.fleet.DepotCheck;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Job {@code plan}: stops, bus routes and timetables of one dataset with the engine's
 * {@link SchoolBusPlanner} (jsprit routes, {@link #solverBudget}), then the road geometry of every
 * run; the plan is stored whole (its rows and the engine's plan value), or not at all. Parameters:
 * {@code datasetId}; optional {@code fleetFile} and {@code policyFile}, paths under the data folder
 * of uploaded JSON files (default fleet and policy otherwise). A plan the validator rejects is
 * stored too, marked invalid; one that leaves students without a bus or needs buses beyond the
 * fleet is stored with its coverage marked incomplete.
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
        if (fleetFile != null) {
            Dataset dataset = datasets.findById(datasetId).orElseThrow(() -> new IllegalStateException("dataset " + datasetId + " was deleted"));
            DepotCheck.check(Path.of(fleetFile).getFileName().toString(), fleet,
                    networks.get(regions.findById(dataset.regionId()).orElseThrow()), policy);
        }
        String createdBy = context.params().get("createdBy");
        long planId = compute(datasetId, fleet, policy, context.jobId(), createdBy, context.progress());
        return new JobResult(RESULT_TYPE, planId);
    }

    /** Plans and stores a dataset; returns the new plan's id. Also used by the demo. */
    public long compute(long datasetId, Fleet fleet, PlanningPolicy policy, Long jobId, String createdBy,
                        ProgressListener progress) throws Exception {
        Computed computed = solve(datasetId, fleet, policy, progress.slice(0, 0.95));
        progress.progress("store plan", 0.95);
        long planId = store(datasetId, computed, jobId, createdBy);
        progress.progress("done", 1.0);
        return planId;
    }

    /** What planning a dataset gives before it is stored: the engine's result and each run's road line. */
    public record Computed(PlanResult result, Map<String, List<LonLat>> lines, PlanningPolicy policy, Fleet fleet) {
    }

    /** Plans a dataset with the engine and draws every run on the roads; stores nothing. */
    public Computed solve(long datasetId, Fleet fleet, PlanningPolicy policy, ProgressListener progress) {
        Dataset dataset = datasets.findById(datasetId).orElseThrow(() -> new IllegalStateException("dataset " + datasetId + " was deleted"));
        progress.progress("load road network", 0.0);
        try (RegionNetworks.InUse inUse = networks.use(regions.findById(dataset.regionId()).orElseThrow())) {
            return solve(datasetId, inUse.network(), fleet, policy, progress);
        }
    }

    private Computed solve(long datasetId, RoadNetwork network, Fleet fleet, PlanningPolicy policy, ProgressListener progress) {
        progress.progress("load roster", 0.02);
        var schools = datasets.schools(datasetId);
        var students = datasets.students(datasetId);
        PlanResult result = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), solverBudget(policy))
                .plan(schools, students, fleet, policy, progress.slice(0.03, 0.95));

        return new Computed(result, lines(network, result.plan().runs(), progress.slice(0.95, 1)), policy, fleet);
    }

    /** Each run's line along the roads, by run id. */
    public static Map<String, List<LonLat>> lines(RoadNetwork network, List<BusRun> runs, ProgressListener progress) {
        progress.progress("route geometry", 0);
        BusRouteGeometry geometry = new BusRouteGeometry(network);
        Map<String, List<LonLat>> lines = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            BusRun run = runs.get(i);
            lines.put(run.runId(), geometry.through(run.stops().stream().map(TimedStop::location).toList()));
            progress.progress("route geometry", (i + 1.0) / runs.size());
        }
        return lines;
    }

    /** Stores a computed plan, its rows and its plan value, in one transaction; returns the plan's id. */
    public long store(long datasetId, Computed computed, Long jobId, String createdBy) throws JsonProcessingException {
        String policyJson = json.writeValueAsString(computed.policy());
        String fleetJson = json.writeValueAsString(computed.fleet());
        return transaction.execute(status -> plans.insert(datasetId, jobId, computed.result(), computed.lines(),
                policyJson, fleetJson, createdBy));
    }

    /**
     * The engine's default search (seeded, bounded by iterations), with this instance's overrides:
     * {@code xiaoche.planning.solver-seconds} as the safety cap on the solving thread's CPU time (else the policy's
     * {@code solverSeconds}) and {@code xiaoche.planning.solver-iterations-per-stop}.
     */
    SolverBudget solverBudget(PlanningPolicy policy) {
        SolverBudget defaults = SolverBudget.defaults();
        XiaocheProperties.Planning planning = properties.planning();
        double wallCap_s = planning.solverSeconds() != null ? planning.solverSeconds() : policy.routes().solverSeconds();
        int iterationsPerStop = planning.solverIterationsPerStop() != null ? planning.solverIterationsPerStop()
                : defaults.iterationsPerStop();
        return new SolverBudget(defaults.seed(), iterationsPerStop, defaults.minIterations(), defaults.maxIterations(),
                Duration.ofMillis(Math.round(wallCap_s * 1000)));
    }
}
