package org.xiaoche.web.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.routing.export.FeatureProperties;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.routing.scenario.Comparison;
import org.xiaoche.routing.scenario.ComparisonWriter;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobView;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ApiException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scenarios: create one on a baseline plan (checked: every problem with its field, 422), list and
 * reopen them, run one (a {@code scenario} job), compare one or more with their baseline, read their
 * histograms, the planners' map of moved students and the printable report. Planners create, run and
 * delete; viewers read aggregates (the comparison without its planner-only part); operators get none
 * of it (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/scenarios")
public class ScenarioController {

    /** A scenario as listed; {@code state} is draft (never run), the run's job state, or done. */
    public record ScenarioView(long id, String name, long baselinePlanId, long datasetId, long regionId,
                               ScenarioChanges changes, String state, Long jobId, Long planId, Boolean feasible,
                               Instant createdAt) {
    }

    /** A comparison led by its warnings (see {@link ComparisonWarnings}). */
    public record ComparisonView(long baselinePlanId, List<Long> scenarioIds, List<ComparisonWarnings.Warning> warnings,
                                 Comparison comparison) {
    }

    private final ScenarioRepository scenarios;
    private final PlanRepository plans;
    private final JobService jobs;
    private final ObjectMapper json;
    private final ComparisonReport report;

    public ScenarioController(ScenarioRepository scenarios, PlanRepository plans, JobService jobs, ObjectMapper json,
                              ComparisonReport report) {
        this.scenarios = scenarios;
        this.plans = plans;
        this.jobs = jobs;
        this.json = json;
        this.report = report;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ScenarioView create(@RequestBody ScenarioChanges changes, Authentication auth) {
        if (changes.baselinePlanId() == null) {
            throw invalid(List.of(new ApiError.Problem("scenario", 0, "baselinePlanId", "missing")));
        }
        Plan baseline = plans.findPlanValue(changes.baselinePlanId()).orElseThrow(() -> invalid(List.of(
                new ApiError.Problem("scenario", 0, "baselinePlanId", "no plan " + changes.baselinePlanId()))));
        Set<String> schoolIds = baseline.schools().stream().map(PlanSchool::id).collect(Collectors.toSet());
        List<ApiError.Problem> problems = changes.problems(schoolIds, baseline.policy(), baseline.fleet());
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return view(get(scenarios.insert(changes, auth.getName())));
    }

    @GetMapping
    public List<ScenarioView> list(@RequestParam(required = false) Long planId, @RequestParam(required = false) Long regionId) {
        return scenarios.list(planId, regionId).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public ScenarioView one(@PathVariable long id) {
        return view(get(id));
    }

    @PostMapping("/{id}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobView run(@PathVariable long id, Authentication auth) {
        get(id);
        Job job = jobs.submit(ScenarioStep.KIND, Map.of("scenarioId", Long.toString(id), "createdBy", auth.getName()),
                auth.getName());
        scenarios.setJob(id, job.id());
        return JobView.of(job);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        if (!scenarios.delete(id)) {
            throw ApiException.notFound("scenario", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** One scenario against its baseline. */
    @GetMapping("/{id}/comparison")
    public ComparisonView comparison(@PathVariable long id, Authentication auth) {
        return compare(List.of(id), auth);
    }

    /** Several scenarios of one baseline side by side: {@code ids=3,5}. */
    @GetMapping("/comparison")
    public ComparisonView comparisons(@RequestParam List<Long> ids, Authentication auth) {
        if (ids.isEmpty()) {
            throw invalid(List.of(new ApiError.Problem("request", 0, "ids", "name at least one scenario")));
        }
        return compare(ids, auth);
    }

    @GetMapping(value = "/{id}/histograms", produces = MediaType.APPLICATION_JSON_VALUE)
    public String histograms(@PathVariable long id) {
        get(id);
        return scenarios.histograms(id).orElseThrow(() -> notRun(id));
    }

    /** The students the scenario moved, at home, with their old and new school: planners only. */
    @GetMapping(value = "/{id}/affected.geojson", produces = "application/geo+json")
    public byte[] affected(@PathVariable long id) {
        get(id);
        List<ScenarioRepository.MoveRow> moves = scenarios.moves(id);
        return GeoJsonWriter.toBytes(geoJson -> {
            for (ScenarioRepository.MoveRow m : moves) {
                geoJson.point(m.home(), new FeatureProperties().put("student_id", m.studentId()).put("grade", m.grade())
                        .put("from_school_id", m.fromSchoolId()).put("to_school_id", m.toSchoolId()));
            }
        });
    }

    /** The printable comparison report (PDF, Chinese, aggregates only). */
    @GetMapping(value = "/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> report(@PathVariable long id) throws IOException {
        StoredScenario s = get(id);
        Comparison comparison = ComparisonWriter.publicView(read(id));
        return ResponseEntity.ok().header("Content-Disposition", "inline; filename=\"scenario-" + id + ".pdf\"")
                .body(report.render(s.name(), comparison, ComparisonWarnings.of(comparison)));
    }

    private ComparisonView compare(List<Long> ids, Authentication auth) {
        List<Long> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        Long baselinePlanId = null;
        Comparison.PlanFigures baseline = null;
        List<Comparison.ScenarioComparison> all = new ArrayList<>();
        for (long id : distinct) {
            StoredScenario s = get(id);
            if (baselinePlanId != null && s.baselinePlanId() != baselinePlanId) {
                throw invalid(List.of(new ApiError.Problem("request", 0, "ids", "scenario " + id
                        + " has another baseline plan than scenario " + distinct.get(0))));
            }
            baselinePlanId = s.baselinePlanId();
            Comparison c = read(id);
            baseline = c.baseline();
            all.addAll(c.scenarios());
        }
        Comparison combined = new Comparison(Comparison.FORMAT_VERSION, baseline, all);
        if (!isPlanner(auth)) {
            combined = ComparisonWriter.publicView(combined);
        }
        return new ComparisonView(baselinePlanId, distinct, ComparisonWarnings.of(combined), combined);
    }

    private Comparison read(long id) {
        byte[] bytes = scenarios.comparison(id).orElseThrow(() -> notRun(id));
        try {
            return json.readValue(bytes, Comparison.class);
        } catch (IOException e) {
            throw new IllegalStateException("stored comparison of scenario " + id + " does not read", e);
        }
    }

    private static boolean isPlanner(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_PLANNER"));
    }

    private StoredScenario get(long id) {
        return scenarios.findById(id).orElseThrow(() -> ApiException.notFound("scenario", id));
    }

    private ScenarioView view(StoredScenario s) {
        String state = s.planId() != null ? "done" : s.jobId() == null ? "draft"
                : jobs.get(s.jobId()).state().code();
        return new ScenarioView(s.id(), s.name(), s.baselinePlanId(), s.datasetId(), s.regionId(), s.changes(), state,
                s.jobId(), s.planId(), s.feasible(), s.createdAt());
    }

    private static ApiException notRun(long id) {
        return new ApiException(HttpStatus.CONFLICT, "scenario " + id + " has not been run yet");
    }

    private static ApiException invalid(List<ApiError.Problem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems.stream().map(p -> p.field() + ": " + p.reason())
                .collect(Collectors.joining("; ")), problems);
    }
}
