package org.xiaoche.web.scenario;

import org.springframework.stereotype.Component;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.scenario.Baseline;
import org.xiaoche.routing.scenario.ScenarioRunner;
import org.xiaoche.web.dataset.Dataset;
import org.xiaoche.web.dataset.DatasetRepository;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionRepository;

/**
 * A stored plan made ready for scenarios: its plan value, roster and road network, as the engine's
 * {@link Baseline} with a {@link ScenarioRunner} (jsprit, as web plans are solved). The one place scenario
 * and layout jobs load their baseline.
 */
@Component
public class ScenarioBaselines {

    /** A loaded baseline, its runner and network, and the dataset the plan belongs to. */
    public record Loaded(Baseline baseline, ScenarioRunner runner, RoadNetwork network, long datasetId) {
    }

    private final PlanRepository plans;
    private final DatasetRepository datasets;
    private final RegionRepository regions;
    private final RegionNetworks networks;

    public ScenarioBaselines(PlanRepository plans, DatasetRepository datasets, RegionRepository regions, RegionNetworks networks) {
        this.plans = plans;
        this.datasets = datasets;
        this.regions = regions;
        this.networks = networks;
    }

    public Loaded load(long baselinePlanId, ProgressListener progress) {
        progress.progress("load baseline plan", 0);
        Plan plan = plans.findPlanValue(baselinePlanId)
                .orElseThrow(() -> new IllegalStateException("baseline plan " + baselinePlanId + " has no plan value"));
        long datasetId = plans.findById(baselinePlanId).orElseThrow().datasetId();
        Dataset dataset = datasets.findById(datasetId).orElseThrow();
        RoadNetwork network = networks.get(regions.findById(dataset.regionId()).orElseThrow());
        ScenarioRunner runner = new ScenarioRunner(network, new JspritSchoolRouteSolver());
        Baseline baseline = runner.baseline(plan, datasets.schools(datasetId), datasets.students(datasetId), progress.slice(0.1, 1));
        return new Loaded(baseline, runner, network, datasetId);
    }
}
