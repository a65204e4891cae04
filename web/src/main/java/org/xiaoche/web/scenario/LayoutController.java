package org.xiaoche.web.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ApiException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Layout optimisation runs: start one on a baseline plan (a {@code layout} job whose closure measurements
 * are jobs of their own on the shared queue), list them, and read one's Pareto points, each with the
 * scenario it was re-planned as. Aggregates only: planners start, planners and viewers read.
 */
@RestController
@RequestMapping("/api/layouts")
public class LayoutController {

    /** A new run; {@code candidateIds} null = every small school (fewer than 100 students). */
    public record NewLayout(Long baselinePlanId, String name, List<String> candidateIds) {
    }

    public record LayoutView(long id, long baselinePlanId, String name, List<String> candidateIds, String state, Long jobId,
                             JsonNode result, Instant createdAt) {
    }

    private final LayoutRepository layouts;
    private final PlanRepository plans;
    private final JobService jobs;
    private final ObjectMapper json;

    public LayoutController(LayoutRepository layouts, PlanRepository plans, JobService jobs, ObjectMapper json) {
        this.layouts = layouts;
        this.plans = plans;
        this.jobs = jobs;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public LayoutView start(@RequestBody NewLayout request, Authentication auth) throws IOException {
        List<ApiError.Problem> problems = new ArrayList<>();
        Plan baseline = request.baselinePlanId() == null ? null : plans.findPlanValue(request.baselinePlanId()).orElse(null);
        if (baseline == null) {
            problems.add(new ApiError.Problem("layout", 0, "baselinePlanId", "no plan " + request.baselinePlanId()));
        } else if (request.candidateIds() != null) {
            Set<String> known = baseline.schools().stream().map(PlanSchool::id).collect(Collectors.toSet());
            for (int i = 0; i < request.candidateIds().size(); i++) {
                if (!known.contains(request.candidateIds().get(i))) {
                    problems.add(new ApiError.Problem("layout", 0, "candidateIds[" + i + "]",
                            "no school '" + request.candidateIds().get(i) + "' in the baseline plan"));
                }
            }
        }
        String name = request.name() == null || request.name().isBlank() ? "布局优化 layout" : request.name().strip();
        if (name.length() > ScenarioChanges.MAX_NAME_LENGTH) {
            problems.add(new ApiError.Problem("layout", 0, "name", "longer than " + ScenarioChanges.MAX_NAME_LENGTH + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems.stream().map(p -> p.field() + ": " + p.reason())
                    .collect(Collectors.joining("; ")), problems);
        }
        long id = layouts.insert(request.baselinePlanId(), name, request.candidateIds(), auth.getName());
        Job job = jobs.submit(LayoutStep.KIND, Map.of("layoutRunId", Long.toString(id), "createdBy", auth.getName()), auth.getName());
        layouts.setJob(id, job.id());
        return one(id);
    }

    @GetMapping
    public List<LayoutView> list(@RequestParam(required = false) Long planId) throws IOException {
        List<LayoutView> out = new ArrayList<>();
        for (LayoutRepository.LayoutRun run : layouts.list(planId)) {
            out.add(view(run));
        }
        return out;
    }

    @GetMapping("/{id}")
    public LayoutView one(@PathVariable long id) throws IOException {
        return view(layouts.findById(id).orElseThrow(() -> ApiException.notFound("layout run", id)));
    }

    private LayoutView view(LayoutRepository.LayoutRun run) throws IOException {
        String state = run.result() != null ? "done" : run.jobId() == null ? "queued" : jobs.get(run.jobId()).state().code();
        return new LayoutView(run.id(), run.baselinePlanId(), run.name(), run.candidateIds(), state, run.jobId(),
                run.result() == null ? null : json.readTree(run.result()), run.createdAt());
    }
}
