package org.xiaoche.web.demo;

import org.springframework.stereotype.Component;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.web.dataset.Dataset;
import org.xiaoche.web.dataset.DatasetRepository;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.eligibility.EligibilityRunRepository;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.Region;
import org.xiaoche.web.region.RegionImportStep;
import org.xiaoche.web.region.RegionRepository;
import org.xiaoche.web.region.RegionService;
import org.xiaoche.web.scenario.ScenarioChanges;
import org.xiaoche.web.scenario.ScenarioRepository;
import org.xiaoche.web.scenario.ScenarioStep;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * Job {@code demo}: the demo region, its dataset, an eligibility run, a plan, its adoption for the
 * current term with the demo operator ({@link DemoOperator}) and a scenario closing the county's teaching
 * points (each pupil to the nearest school with room), each made only when missing, so running it again
 * (or after a failure half way) completes the demo without duplicates.
 */
@Component
public class DemoStep implements JobStep {

    public static final String KIND = "demo";
    public static final String REGION_NAME = "示范县 Demo County";
    public static final String SCENARIO_NAME = "撤并教学点 Close the teaching points";

    private final DemoFiles files;
    private final XiaocheProperties properties;
    private final RegionRepository regionRepository;
    private final RegionService regions;
    private final RegionImportStep regionImport;
    private final DatasetRepository datasetRepository;
    private final DatasetService datasets;
    private final EligibilityRunRepository runs;
    private final EligibilityStep eligibility;
    private final PlanRepository plans;
    private final PlanStep planning;
    private final DemoOperator operator;
    private final ScenarioRepository scenarios;
    private final ScenarioStep scenarioStep;

    public DemoStep(DemoFiles files, XiaocheProperties properties, RegionRepository regionRepository, RegionService regions,
                    RegionImportStep regionImport, DatasetRepository datasetRepository, DatasetService datasets,
                    EligibilityRunRepository runs, EligibilityStep eligibility, PlanRepository plans, PlanStep planning,
                    DemoOperator operator, ScenarioRepository scenarios, ScenarioStep scenarioStep) {
        this.operator = operator;
        this.scenarios = scenarios;
        this.scenarioStep = scenarioStep;
        this.files = files;
        this.properties = properties;
        this.regionRepository = regionRepository;
        this.regions = regions;
        this.regionImport = regionImport;
        this.datasetRepository = datasetRepository;
        this.datasets = datasets;
        this.runs = runs;
        this.eligibility = eligibility;
        this.plans = plans;
        this.planning = planning;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * True when the demo region has a dataset with at least one eligibility run and one plan, a plan in
     * force, and a scenario that has run (or no teaching point to close).
     */
    public boolean complete() {
        return regionRepository.findByName(REGION_NAME)
                .map(r -> operator.adopted(r.id()) && datasetRepository.listByRegion(r.id()).stream()
                        .anyMatch(d -> !runs.list(null, d.id()).isEmpty() && !plans.list(null, d.id()).isEmpty()
                                && (teachingPoints(d.id()).isEmpty()
                                || scenarios.list(null, r.id()).stream().anyMatch(s -> s.planId() != null))))
                .orElse(false);
    }

    private List<String> teachingPoints(long datasetId) {
        return datasetRepository.schools(datasetId).stream().filter(s -> s.teachingPoint()).map(s -> s.id()).sorted().toList();
    }

    @Override
    public JobResult run(JobContext context) throws Exception {
        Path dir = properties.dataDir().resolve("demo-county");
        DemoFiles.Files demo = files.extractTo(dir);
        Region region = regionRepository.findByName(REGION_NAME).orElseGet(() -> regions.createFromFile(REGION_NAME, demo.osm()));
        if (!region.ready()) {
            regionImport.importInto(region, new JobContext(context.jobId(), context.params(), context.progress().slice(0, 0.5)));
            region = regions.get(region.id());
        }
        context.progress().progress("import schools and students", 0.5);
        Dataset dataset = datasetRepository.listByRegion(region.id()).stream().findFirst().orElse(null);
        if (dataset == null) {
            dataset = datasets.importFiles(region.id(), "示范数据 demo roster", "wgs84", demo.schools(), demo.students(), "demo");
        }
        if (runs.list(null, dataset.id()).isEmpty()) {
            eligibility.compute(dataset.id(), PlanningPolicy.defaults(), context.jobId(), context.progress().slice(0.55, 0.65));
        }
        var existingPlans = plans.list(null, dataset.id());
        long planId = existingPlans.isEmpty()
                ? planning.compute(dataset.id(), Fleet.defaults(), PlanningPolicy.defaults(), context.jobId(), "demo",
                        context.progress().slice(0.65, 0.9))
                : existingPlans.get(0).id();
        if (!operator.adopted(region.id())) {
            operator.adopt(planId);
        }
        scenario(planId, dataset.id(), region.id(), context);
        return new JobResult(PlanStep.RESULT_TYPE, planId);
    }

    /** The demo's scenario on its (first) plan: every teaching point closed, each pupil to the nearest school with room. */
    private void scenario(long planId, long datasetId, long regionId, JobContext context) throws Exception {
        List<String> closed = teachingPoints(datasetId);
        if (closed.isEmpty() || scenarios.list(null, regionId).stream().anyMatch(s -> s.planId() != null)) {
            return;
        }
        long id = scenarios.list(planId, null).stream().filter(s -> s.name().equals(SCENARIO_NAME)).map(s -> s.id())
                .findFirst().orElseGet(() -> scenarios.insert(new ScenarioChanges(SCENARIO_NAME, planId,
                        closed.stream().map(schoolId -> new ScenarioChanges.Closure(schoolId, null)).toList(), List.of(), null, null),
                        "demo"));
        scenarioStep.run(id, context.jobId(), "demo", context.progress().slice(0.9, 1.0));
    }
}
