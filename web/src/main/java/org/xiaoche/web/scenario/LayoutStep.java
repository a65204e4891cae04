package org.xiaoche.web.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.scenario.Baseline;
import org.xiaoche.routing.scenario.Candidates;
import org.xiaoche.routing.scenario.ClosureEffect;
import org.xiaoche.routing.scenario.ClosureOption;
import org.xiaoche.routing.scenario.LayoutEvaluator;
import org.xiaoche.routing.scenario.LayoutOptimiser;
import org.xiaoche.routing.scenario.LayoutPoint;
import org.xiaoche.routing.scenario.ParetoSet;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobRunner;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.job.JobStep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Job {@code layout}: the school-layout optimisation of a baseline plan. The candidates' closure options
 * (each small school into its nearest receiving school) are measured as {@code layout-measure} jobs on the
 * shared queue, so every instance on the database takes part; this job waits for them (running itself any
 * left queued for {@link #RUN_UNCLAIMED_AFTER}, so one instance with one job thread finishes too), then
 * searches the layouts with the engine's evaluator (exhaustive up to 12 candidates), and re-plans each
 * returned Pareto point in full as a stored scenario, which the planner opens like any other. The effects
 * are read back in option order, so the result is the same whichever instance measured which.
 */
@Component
public class LayoutStep implements JobStep {

    public static final String KIND = "layout";
    public static final String RESULT_TYPE = "layout";
    /** A measurement job still queued this long is run by the waiting layout job itself. */
    static final Duration RUN_UNCLAIMED_AFTER = Duration.ofSeconds(10);
    /** Pareto points re-planned and returned at most. */
    static final int MAX_POINTS = 12;

    /** One returned point: the evaluator's estimate, and the scenario re-planned in full (null: the baseline itself). */
    public record Point(String key, Map<String, String> closures, boolean feasible, List<String> whyNot, double yearlyCost,
                        double meanJourney_s, double p90Journey_s, Long scenarioId) {
    }

    /** A run's result: the points, and how many closures each instance measured. */
    public record Result(int options, int frontSize, List<Point> points, Map<String, Integer> measuredBy) {
    }

    private final LayoutRepository layouts;
    private final ScenarioBaselines baselines;
    private final ScenarioRepository scenarios;
    private final ScenarioStep scenarioStep;
    private final JobService jobService;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final ObjectMapper json;

    public LayoutStep(LayoutRepository layouts, ScenarioBaselines baselines, ScenarioRepository scenarios,
                      ScenarioStep scenarioStep, JobService jobService, JobRepository jobs, JobRunner runner, ObjectMapper json) {
        this.layouts = layouts;
        this.baselines = baselines;
        this.scenarios = scenarios;
        this.scenarioStep = scenarioStep;
        this.jobService = jobService;
        this.jobs = jobs;
        this.runner = runner;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) throws Exception {
        long runId = context.longParam("layoutRunId");
        String createdBy = context.params().get("createdBy");
        ProgressListener progress = context.progress();
        LayoutRepository.LayoutRun run = layouts.findById(runId).orElseThrow(() -> new IllegalStateException("layout run " + runId + " was deleted"));
        ScenarioBaselines.Loaded loaded = baselines.load(run.baselinePlanId(), progress.slice(0, 0.05));
        Baseline baseline = loaded.baseline();
        List<String> candidates = run.candidateIds() != null ? run.candidateIds()
                : Candidates.smallSchools(baseline.input()).stream().map(School::id).toList();
        List<ClosureOption> options = Candidates.options(baseline.input(), loaded.runner().schoolTimes(baseline.input().schools()),
                candidates, 1);
        layouts.setOptions(runId, options);
        for (int seq = 0; seq < options.size(); seq++) {
            Job job = jobService.submit(LayoutMeasureStep.KIND, Map.of("layoutRunId", Long.toString(runId),
                    "seq", Integer.toString(seq)), createdBy);
            layouts.setEffectJob(runId, seq, job.id());
        }
        List<ClosureEffect> effects = awaitEffects(runId, options.size(), progress.slice(0.05, 0.6));

        progress.progress("search layouts", 0.6);
        ParetoSet front = new LayoutOptimiser(LayoutOptimiser.Settings.defaults())
                .search(LayoutEvaluator.of(baseline, effects), progress.slice(0.6, 0.7));
        List<LayoutPoint> chosen = LayoutOptimiser.thin(front, MAX_POINTS);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            LayoutPoint p = chosen.get(i);
            ProgressListener slice = progress.slice(0.7 + 0.3 * i / chosen.size(), 0.7 + 0.3 * (i + 1) / chosen.size());
            Long scenarioId = null;
            if (!p.choice().closures().isEmpty()) {
                String name = String.format(java.util.Locale.ROOT, "%s · %02d", run.name(), i + 1);
                scenarioId = scenarios.insert(new ScenarioChanges(name, run.baselinePlanId(), p.choice().options().stream()
                        .map(o -> new ScenarioChanges.Closure(o.schoolId(), o.receivingSchoolId())).toList(), List.of(), null, null), createdBy);
                scenarioStep.run(scenarioId, context.jobId(), createdBy, slice);
            }
            points.add(new Point(p.choice().key(), p.choice().closures(), p.feasible(), p.whyNot(), p.yearlyCost(),
                    p.meanJourney_s(), p.p90Journey_s(), scenarioId));
        }
        Map<String, Integer> measuredBy = new TreeMap<>();
        layouts.effects(runId).forEach(e -> measuredBy.merge(e.worker(), 1, Integer::sum));
        layouts.storeResult(runId, json.writeValueAsString(new Result(options.size(), front.size(), points, measuredBy)));
        progress.progress("done", 1);
        return new JobResult(RESULT_TYPE, runId);
    }

    /** Waits until every option is measured, in option order; fails when a measurement failed. */
    private List<ClosureEffect> awaitEffects(long runId, int count, ProgressListener progress) throws Exception {
        while (true) {
            List<LayoutRepository.EffectRow> rows = layouts.effects(runId);
            int done = 0;
            for (LayoutRepository.EffectRow row : rows) {
                if (row.effect() != null) {
                    done++;
                    continue;
                }
                Job job = jobs.findById(row.jobId()).orElseThrow();
                if (job.state().finished() && job.state() != JobState.SUCCEEDED) {
                    throw new IllegalStateException("measuring the closure of " + row.option().schoolId() + " " + job.state().code());
                }
                if (job.state() == JobState.QUEUED && job.createdAt().plus(RUN_UNCLAIMED_AFTER).isBefore(Instant.now())) {
                    runner.run(job.id()); // claims the job first: never runs it twice
                }
            }
            progress.progress("measure closures (" + done + " of " + count + ")", count == 0 ? 1 : (double) done / count);
            if (done == count) {
                Map<Integer, ClosureEffect> bySeq = new HashMap<>();
                for (LayoutRepository.EffectRow row : rows) {
                    bySeq.put(row.seq(), json.readValue(row.effect(), ClosureEffect.class));
                }
                List<ClosureEffect> effects = new ArrayList<>();
                for (int seq = 0; seq < count; seq++) {
                    effects.add(bySeq.get(seq));
                }
                return effects;
            }
            Thread.sleep(300);
        }
    }
}
