package org.xiaoche.web.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import org.xiaoche.web.audit.AuditLog;

import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.export.EligibilityLayers;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.SettingException;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobView;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.SpatialSql;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Eligibility runs: start one (a background job), list them, reopen one. Aggregates (counts per
 * school) are for planners and viewers; the students with their homes for planners only.
 */
@RestController
@RequestMapping("/api/eligibility-runs")
public class EligibilityRunController {

    /** @param walkThreshold_m optional override of the policy's 2,000 m */
    public record NewRun(long datasetId, Double walkThreshold_m) {
    }

    public record RunView(long id, long datasetId, long regionId, Long jobId, double walkThreshold_m, int students,
                          int walkers, int needsTransport, int unreachable, Instant createdAt, List<SchoolView> schools) {
    }

    /** Per-school aggregate; percentiles null when no student of the school is reachable. */
    public record SchoolView(String schoolId, String schoolName, int students, int walkers, int needsTransport,
                             int unreachable, Double walkP50_m, Double walkP90_m, Double walkMax_m) {
        static SchoolView of(SchoolEligibilitySummary s) {
            return new SchoolView(s.schoolId(), s.schoolName(), s.students(), s.walkers(), s.needsTransport(), s.unreachable(),
                    orNull(s.walkP50_m()), orNull(s.walkP90_m()), orNull(s.walkMax_m()));
        }
    }

    private final EligibilityRunRepository runs;
    private final DatasetService datasets;
    private final JobService jobs;
    private final SpatialSql spatial;
    private final AuditLog audit;

    public EligibilityRunController(EligibilityRunRepository runs, DatasetService datasets, JobService jobs,
                                    SpatialSql spatial, AuditLog audit) {
        this.runs = runs;
        this.datasets = datasets;
        this.jobs = jobs;
        this.spatial = spatial;
        this.audit = audit;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobView start(@RequestBody NewRun request, Authentication auth) {
        datasets.get(request.datasetId());
        Map<String, String> params = new HashMap<>();
        params.put("datasetId", Long.toString(request.datasetId()));
        if (request.walkThreshold_m() != null) {
            requireThreshold(request.walkThreshold_m());
            params.put("walkThreshold_m", Double.toString(request.walkThreshold_m()));
        }
        return JobView.of(jobs.submit(EligibilityStep.KIND, params, auth.getName()));
    }

    /**
     * The threshold holds as the policy checks it (positive, at most {@link PlanningPolicy#MAX_WALK_THRESHOLD_M}),
     * else 400 before any job, its problem coded for the page.
     */
    private static void requireThreshold(double walkThreshold_m) {
        PlanningPolicy defaults = PlanningPolicy.defaults();
        try {
            new PlanningPolicy(walkThreshold_m, defaults.gradeWalkThreshold_m(), defaults.maxHomeSnap_m(), defaults.maxOutsideArea_m());
        } catch (SettingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-settings", e.getMessage(), List.of(
                    new ApiError.Problem("request", 0, e.field(), e.getMessage(), e.problem().code(), e.args())));
        }
    }

    @GetMapping
    public List<RunView> list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long datasetId) {
        return runs.list(regionId, datasetId).stream().map(r -> view(r, List.of())).toList();
    }

    @GetMapping("/{id}")
    public RunView get(@PathVariable long id) {
        EligibilityRun run = find(id);
        return view(run, runs.schools(id).stream().map(SchoolView::of).toList());
    }

    @GetMapping(value = "/{id}/students.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> students(@PathVariable long id, HttpServletRequest request) {
        find(id);
        List<EligibilityRunRepository.StudentRow> rows = runs.students(id);
        List<EligibilityLayers.Home> homes = rows.stream().map(r -> {
            Point p = (Point) spatial.fromWkb(r.homeWkb());
            return new EligibilityLayers.Home(r.studentId(), r.schoolId(), r.grade(), r.status(),
                    r.walk_m() == null ? Double.NaN : r.walk_m(), r.reason(), new LonLat(p.getX(), p.getY()));
        }).toList();
        byte[] body = GeoJsonWriter.toBytes(geoJson -> EligibilityLayers.writeHomes(homes, geoJson));
        audit.record(request, AuditLog.Action.READ_HOMES, AuditLog.Subject.ELIGIBILITY_RUN, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(body);
    }

    private EligibilityRun find(long id) {
        return runs.findById(id).orElseThrow(() -> ApiException.notFound("eligibility run", id));
    }

    private static RunView view(EligibilityRun r, List<SchoolView> schools) {
        return new RunView(r.id(), r.datasetId(), r.regionId(), r.jobId(), r.walkThreshold_m(), r.students(), r.walkers(),
                r.needsTransport(), r.unreachable(), r.createdAt(), schools);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
