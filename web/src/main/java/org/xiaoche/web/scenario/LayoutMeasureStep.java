package org.xiaoche.web.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.scenario.Candidates;
import org.xiaoche.routing.scenario.ClosureEffect;
import org.xiaoche.web.job.JobContext;
import org.xiaoche.web.job.JobResult;
import org.xiaoche.web.job.JobStep;
import org.xiaoche.web.system.XiaocheProperties;

/**
 * Job {@code layout-measure}: one closure option of a layout run measured by a full scenario run of that
 * closure alone ({@link Candidates#measure}), stored with the name of the instance that measured it. A pure
 * function of the baseline and the option, so whichever instance of those sharing the database takes the
 * job, the run's result is the same. Parameters: {@code layoutRunId}, {@code seq}.
 */
@Component
public class LayoutMeasureStep implements JobStep {

    public static final String KIND = "layout-measure";

    private final LayoutRepository layouts;
    private final ScenarioBaselines baselines;
    private final ObjectMapper json;
    private final String instance;

    public LayoutMeasureStep(LayoutRepository layouts, ScenarioBaselines baselines, ObjectMapper json, XiaocheProperties properties) {
        this.layouts = layouts;
        this.baselines = baselines;
        this.json = json;
        this.instance = properties.instanceName();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JobResult run(JobContext context) throws Exception {
        long runId = context.longParam("layoutRunId");
        int seq = Integer.parseInt(context.param("seq"));
        LayoutRepository.LayoutRun run = layouts.findById(runId).orElseThrow(() -> new IllegalStateException("layout run " + runId + " was deleted"));
        LayoutRepository.EffectRow row = layouts.effects(runId).stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
        ScenarioBaselines.Loaded loaded = baselines.load(run.baselinePlanId(), context.progress().slice(0, 0.3));
        ClosureEffect effect = Candidates.measure(loaded.runner(), loaded.baseline(), row.option(), context.progress().slice(0.3, 1));
        layouts.storeEffect(runId, seq, instance, json.writeValueAsString(effect));
        return JobResult.NONE;
    }
}
