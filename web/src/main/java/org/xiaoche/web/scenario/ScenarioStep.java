package org.xiaoche.web.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.scenario.Baseline;
import org.xiaoche.routing.scenario.Comparison;
import org.xiaoche.routing.scenario.ComparisonWriter;
import org.xiaoche.routing.scenario.Comparisons;
import org.xiaoche.routing.scenario.ScenarioResult;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;
import org.xiaoche.web.plan.PlanStep;

import java.util.List;

/**
 * Job {@code scenario}: runs a stored scenario against its baseline plan with the engine's
 * {@link ScenarioRunner} (through {@code replan}: schools that did not change keep the baseline's runs),
 * stores the scenario's plan as a plan, and its comparison with the baseline, its histograms and the
 * students it moved with the scenario. Parameter: {@code scenarioId}.
 */
@Component
public class ScenarioStep implements JobStep {

    public static final String KIND = "scenario";
    public static final String RESULT_TYPE = "scenario";

    private final ScenarioRepository scenarios;
    private final ScenarioBaselines baselines;
    private final PlanStep planning;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    public ScenarioStep(ScenarioRepository scenarios, ScenarioBaselines baselines, PlanStep planning, ObjectMapper json,
                        TransactionTemplate transaction) {
        this.scenarios = scenarios;
        this.baselines = baselines;
        this.planning = planning;
        this.json = json;
        this.transaction = transaction;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) throws Exception {
        long id = context.longParam("scenarioId");
        run(id, context.jobId(), context.params().get("createdBy"), context.progress());
        return new JobResult(RESULT_TYPE, id);
    }

    /** Runs scenario {@code id} and stores what it gives (also used by the demo and the layout search). */
    public void run(long id, Long jobId, String createdBy, ProgressListener progress) throws Exception {
        StoredScenario scenario = scenarios.findById(id).orElseThrow(() -> new IllegalStateException("scenario " + id + " was deleted"));
        ScenarioBaselines.Loaded loaded = baselines.load(scenario.baselinePlanId(), progress.slice(0, 0.15));
        Baseline baseline = loaded.baseline();
        RoadNetwork network = loaded.network();
        long datasetId = loaded.datasetId();
        ScenarioResult result = loaded.runner().run(baseline,
                scenario.changes().toScenario(baseline.fingerprint(), baseline.plan().policy(), baseline.plan().fleet()), progress.slice(0.15, 0.85));

        var lines = PlanStep.lines(network, result.result().plan().runs(), progress.slice(0.85, 0.93));
        progress.progress("compare with the baseline", 0.93);
        Comparison comparison = Comparisons.compare(baseline.compared(), List.of(result.compared()), network.placeNames());
        String histograms = json.writeValueAsString(JourneyHistograms.of(baseline.compared(), result.compared()));
        progress.progress("store scenario plan", 0.96);
        PlanStep.Computed computed = new PlanStep.Computed(result.result(), lines, result.input().policy(), result.input().fleet());
        byte[] comparisonJson = ComparisonWriter.json(comparison);
        // The scenario's plan and its comparison are stored together or not at all.
        transaction.executeWithoutResult(status -> {
            try {
                long planId = planning.store(datasetId, computed, jobId, createdBy);
                scenarios.storeRun(id, datasetId, planId, comparison.scenarios().get(0).verdict().feasible(),
                        comparisonJson, histograms, result.reassignments());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        progress.progress("done", 1.0);
    }
}
