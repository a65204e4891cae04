package org.xiaoche.web.plan;

import jakarta.servlet.http.HttpServletRequest;
import org.xiaoche.web.audit.AuditLog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.export.PlanLayers;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.fleet.DepotCheck;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.web.dataset.Dataset;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionRepository;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.SettingProblem;
import org.xiaoche.routing.policy.SettingsFileException;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobUploads;
import org.xiaoche.web.job.JobView;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.UploadLimits;
import org.xiaoche.web.system.XiaocheProperties;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans: start one (a {@code plan} job), list them, and read one's stops, routes, timetables and
 * riders. What a response carries depends on the caller's role ({@link PlanAudience}): operators get
 * adopted plans only, and in them only their company's buses ({@link OperatorBuses}), with routes,
 * stops and times to the minute and no count of students; only planners get student ids and homes.
 */
@RestController
@RequestMapping("/api/plans")
public class PlanController {

    public record NewPlan(long datasetId) {
    }

    /**
     * A plan as listed, with both parts of its verdict: rules ({@code valid}, {@code validatorVerdict})
     * and coverage ({@code coverageComplete}, {@code coverageVerdict}, the shortfall
     * {@code busesBeyondFleet} and the unserved students per reason). Fields a role may not see are
     * left out (null fields are not written): operators get the two verdicts as words only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanView(long id, long datasetId, long regionId, Long jobId, String solver, boolean valid,
                           String validatorVerdict, List<String> violations, boolean coverageComplete,
                           String coverageVerdict, Integer busesBeyondFleet, Map<String, Integer> unservedByReason,
                           Integer walkOverLimit, Integer needingTransport, Integer transported, Integer unserved,
                           Integer capInfeasible, int stops, int buses, int runs, double busKmPerDay, Double costPerDay,
                           Double rideP50_s, Double rideP90_s, Double rideMax_s, Integer studentsOverCaps,
                           Integer solverWallCapHits, String datasetName, String createdBy, Instant createdAt,
                           PlanInputs inputs, Double costPerYear, int schoolDaysPerYear) {

        static PlanView of(Plan p, PlanAudience audience, boolean withViolations) {
            return of(p, audience, withViolations, null, null);
        }

        /** With the roster's name and, for a single plan, the inputs it was made from. */
        static PlanView of(Plan p, PlanAudience audience, boolean withViolations, String datasetName, PlanInputs inputs) {
            boolean counts = audience.seesStudentCounts();
            // Both verdict texts count students, and violations name students: operators get only the words.
            String verdict = counts ? p.validatorVerdict() : (p.valid() ? "VALID" : "INVALID");
            String coverage = counts ? p.coverageVerdict() : (p.coverageComplete() ? "COMPLETE" : "INCOMPLETE");
            List<String> violations = withViolations && audience.seesStudentIds() && p.violations() != null
                    ? List.of(p.violations().split("\n")) : null;
            return new PlanView(p.id(), p.datasetId(), p.regionId(), p.jobId(), p.solver(), p.valid(), verdict, violations,
                    p.coverageComplete(), coverage, counts ? p.busesBeyondFleet() : null,
                    counts ? p.unservedByReason() : null, counts ? p.walkOverLimit() : null,
                    counts ? p.needingTransport() : null, counts ? p.transported() : null, counts ? p.unserved() : null,
                    counts ? p.capInfeasible() : null, p.stops(), p.buses(), p.runs(), round1(p.busKmPerDay()),
                    (double) Math.round(p.costPerDay()), counts ? p.rideP50_s() : null, counts ? p.rideP90_s() : null,
                    counts ? p.rideMax_s() : null, counts ? p.studentsOverCaps() : null,
                    counts ? p.solverWallCapHits() : null, datasetName, p.createdBy(), p.createdAt(), inputs,
                    Math.round(p.costPerDay()) * (double) schoolDaysPerYear(inputs), schoolDaysPerYear(inputs));
        }

        /** The school days a year of the plan's own policy (the engine's default for plans listed without it). */
        private static int schoolDaysPerYear(PlanInputs inputs) {
            JsonNode days = inputs == null || inputs.policy() == null ? null : inputs.policy().get("schoolDaysPerYear");
            return days != null && days.canConvertToInt() ? days.asInt()
                    : org.xiaoche.routing.policy.PlanningPolicy.DEFAULT_SCHOOL_DAYS_PER_YEAR;
        }

        /**
         * The view limited to one operator's part of the plan: its stops, buses, runs and their km, and
         * no cost (the plan's cost covers every company's buses).
         */
        PlanView limitedTo(int ownStops, int ownBuses, int ownRuns, double ownKm) {
            return new PlanView(id, datasetId, regionId, jobId, solver, valid, validatorVerdict, violations, coverageComplete,
                    coverageVerdict, busesBeyondFleet, unservedByReason, walkOverLimit, needingTransport, transported, unserved,
                    capInfeasible, ownStops, ownBuses, ownRuns, round1(ownKm), null, rideP50_s, rideP90_s, rideMax_s,
                    studentsOverCaps, solverWallCapHits, datasetName, createdBy, createdAt, inputs, null, schoolDaysPerYear);
        }
    }

    /** What a plan was made from: its roster, and the fleet and policy exactly as the engine used them. */
    public record PlanInputs(long datasetId, String datasetName, JsonNode fleet, JsonNode policy) {
    }

    /**
     * One place of a run; {@code name} is the stop's name (null for schools and unnamed stops);
     * boarding, alighting and load are left out for operators, who get the arrival to the minute and
     * no departure (the two would differ by the dwell, which counts the boarding students).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimetableStopView(int seq, String placeId, String name, String kind, String arrival, String departure,
                                    Integer boarding, Integer alighting, Integer loadAfter) {
    }

    /** A run for the route list: bus, school, times and length; {@code students} is left out for operators. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunView(String runId, String busId, String busType, int seats, String direction, String schoolId,
                          Integer students, String start, String end, double length_km) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimetableView(long planId, String runId, String busId, String busType, int seats, String direction,
                                String schoolId, Integer students, double length_km, List<TimetableStopView> stops) {
    }

    private final PlanRepository plans;
    private final DatasetService datasets;
    private final JobService jobs;
    private final XiaocheProperties properties;
    private final RegionRepository regions;
    private final RegionNetworks networks;
    private final UploadLimits uploadLimits;
    private final JobUploads uploads;
    private final PlanScopes scopes;
    private final StoredPlanCache stored;
    private final AuditLog audit;
    private final ObjectMapper json;

    public PlanController(PlanRepository plans, DatasetService datasets, JobService jobs, XiaocheProperties properties,
                          RegionRepository regions, RegionNetworks networks, UploadLimits uploadLimits, JobUploads uploads,
                          PlanScopes scopes, StoredPlanCache stored, AuditLog audit, ObjectMapper json) {
        this.json = json;
        this.stored = stored;
        this.uploadLimits = uploadLimits;
        this.uploads = uploads;
        this.scopes = scopes;
        this.audit = audit;
        this.plans = plans;
        this.datasets = datasets;
        this.jobs = jobs;
        this.properties = properties;
        this.regions = regions;
        this.networks = networks;
    }

    /** Plans a dataset with the default fleet and policy. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobView start(@RequestBody NewPlan request, Authentication auth) {
        return submit(request.datasetId(), null, null, null, auth);
    }

    /**
     * Plans a dataset with an uploaded fleet file and/or policy file (JSON, as {@code Fleet.read} and
     * {@code PlanningPolicy.read} take them); a file that does not read, or a fleet with a depot outside
     * the region or far from bus roads, is refused here with 400, before any job starts.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobView startWithFiles(@RequestParam long datasetId, @RequestPart(value = "fleet", required = false) MultipartFile fleet,
                                  @RequestPart(value = "policy", required = false) MultipartFile policy,
                                  Authentication auth) throws IOException {
        uploadLimits.checkRosterParts(fleet, policy);
        refuseEmpty(fleet);
        refuseEmpty(policy);
        Dataset dataset = datasets.get(datasetId);
        // The copies live until the plan job ends (it deletes them), or only until this request fails.
        Path folder = uploads.newFolder();
        boolean handedToJob = false;
        try {
            String fleetFile = fleet == null || fleet.isEmpty() ? null : save(fleet, folder, "fleet");
            Fleet readFleet = fleetFile == null ? null : readUpload(fleet, fleetFile, Fleet::read);
            String policyFile = policy == null || policy.isEmpty() ? null : save(policy, folder, "policy");
            PlanningPolicy readPolicy = policyFile == null ? PlanningPolicy.defaults() : readUpload(policy, policyFile, PlanningPolicy::read);
            if (readFleet != null && !readFleet.depots().isEmpty()) {
                RoadNetwork network = networks.get(regions.findById(dataset.regionId()).orElseThrow());
                readUpload(fleet, fleetFile, path -> {
                    // Our copy's name: readUpload puts the planner's file name in its place.
                    DepotCheck.check(Path.of(fleetFile).getFileName().toString(), readFleet, network, readPolicy);
                    return readFleet;
                });
            }
            JobView job = submit(datasetId, fleetFile, policyFile, uploads.relative(folder), auth);
            handedToJob = true;
            return job;
        } finally {
            if (!handedToJob) {
                uploads.delete(folder);
            }
        }
    }

    /** A file that was sent but holds nothing is a mistake, not a request for the defaults. */
    private static void refuseEmpty(MultipartFile part) {
        if (part != null && part.isEmpty()) {
            String name = uploadName(part, part.getName() + ".json");
            String reason = "the file is empty; leave it out to use the defaults";
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-file", name + ": " + reason,
                    List.of(new ApiError.Problem(name, 0, "", reason, SettingProblem.EMPTY_FILE.code(), List.of())));
        }
    }

    /** The name the planner gave the file, or our stored copy's file name when there is none. */
    private static String uploadName(MultipartFile part, String savedFile) {
        String original = part.getOriginalFilename() == null ? "" : part.getOriginalFilename().replaceAll(".*[/\\\\]", "");
        return original.isBlank() ? Path.of(savedFile).getFileName().toString() : original;
    }

    /**
     * Reads or checks a stored upload; the refusal of {@code reader} (our words, naming the file and
     * reason) is a 400 that names the planner's file, not our stored copy, with its problems coded
     * (setting, code, values) for a page to say in its language.
     */
    private <T> T readUpload(MultipartFile part, String savedFile, Function<Path, T> reader) {
        Path path = properties.dataDir().resolve(savedFile);
        try {
            return reader.apply(path);
        } catch (IllegalArgumentException e) {
            String name = uploadName(part, savedFile);
            String message = String.valueOf(e.getMessage()).replace(path.getFileName().toString(), name);
            List<ApiError.Problem> problems = SettingsFileException.of(path.getFileName().toString(), e).problems().stream()
                    .map(p -> ApiError.Problem.of(p, name)).toList();
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-file", message, problems);
        }
    }

    private JobView submit(long datasetId, String fleetFile, String policyFile, String uploadDir, Authentication auth) {
        datasets.get(datasetId);
        Map<String, String> params = new HashMap<>();
        params.put("datasetId", Long.toString(datasetId));
        params.put("createdBy", auth.getName());
        if (fleetFile != null) {
            params.put("fleetFile", fleetFile);
        }
        if (policyFile != null) {
            params.put("policyFile", policyFile);
        }
        if (uploadDir != null) {
            params.put(JobUploads.PARAM, uploadDir);
        }
        return JobView.of(jobs.submit(PlanStep.KIND, params, auth.getName()));
    }

    /**
     * Every plan (of a region or dataset when given), newest first; operators get only the plans in
     * force that hold buses of their company, each limited to those buses.
     */
    @GetMapping
    public List<PlanView> list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long datasetId,
                               Authentication auth) {
        PlanAudience audience = PlanAudience.of(auth);
        List<Plan> listed = plans.list(regionId, datasetId);
        Map<Long, String> names = new HashMap<>();
        if (audience != PlanAudience.OPERATOR) {
            return listed.stream().map(p -> PlanView.of(p, audience, false,
                    names.computeIfAbsent(p.datasetId(), id -> datasets.get(id).name()), null)).toList();
        }
        Map<Long, Set<String>> visible = scopes.visibleToOperator(auth.getName());
        return listed.stream().filter(p -> visible.containsKey(p.id()))
                .map(p -> view(new PlanScope(p, audience, visible.get(p.id())), false, null, null)).toList();
    }

    @GetMapping("/{id}")
    public PlanView get(@PathVariable long id, Authentication auth, HttpServletRequest request) throws IOException {
        PlanScope scope = scope(id, auth);
        Plan plan = scope.plan();
        String datasetName = datasets.get(plan.datasetId()).name();
        PlanRepository.Inputs stored = plans.inputs(id);
        // Operators are not told what the plan was made from (the policy and fleet are the planners').
        PlanInputs inputs = scope.audience() == PlanAudience.OPERATOR ? null : new PlanInputs(plan.datasetId(), datasetName,
                json.readTree(stored.fleetJson()), json.readTree(stored.policyJson()));
        PlanView view = view(scope, true, datasetName, inputs);
        if (view.violations() != null && !view.violations().isEmpty()) {
            // rule violations name students
            audit.record(request, AuditLog.Action.READ_STUDENT_IDS, AuditLog.Subject.PLAN, id);
        }
        return view;
    }

    /** Deletes a plan with its stops, runs and assignments (planners; the page asks first). */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        find(id);
        plans.delete(id);
        stored.evict(id);
    }

    @GetMapping(value = "/{id}/stops.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> stops(@PathVariable long id, Authentication auth) {
        PlanScope scope = scope(id, auth);
        PlanLayers.StudentCounts counts = scope.audience().studentCounts();
        return geo(stored.layer(scope, "stops", () -> GeoJsonWriter.toBytes(
                geoJson -> PlanLayers.writeStops(scopes.stops(scope), counts, geoJson))));
    }

    @GetMapping(value = "/{id}/routes.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> routes(@PathVariable long id, Authentication auth) {
        PlanScope scope = scope(id, auth);
        PlanLayers.StudentCounts counts = scope.audience().studentCounts();
        return geo(stored.layer(scope, "routes", () -> GeoJsonWriter.toBytes(
                geoJson -> PlanLayers.writeRoutes(scopes.routes(scope), counts, geoJson))));
    }

    /** Every run of the plan in bus order, for the route list (no geometry). */
    @GetMapping("/{id}/runs")
    public List<RunView> runs(@PathVariable long id, Authentication auth) {
        PlanScope scope = scope(id, auth);
        boolean counts = scope.audience().seesStudentCounts();
        PlanLayers.StudentCounts times = scope.audience().studentCounts();
        Optional<PublishedTimetable> published = scopes.published(scope);
        return scope.runs(stored.runs(id)).stream().map(r -> {
            double[] startEnd_s = PlanScopes.startEnd_s(published, r);
            return new RunView(r.runId(), r.busId(), r.busType(), r.seats(), r.direction(), r.schoolId(),
                    counts ? r.students() : null, times.time(startEnd_s[0]), times.time(startEnd_s[1]), r.length_km());
        }).toList();
    }

    @GetMapping("/{id}/runs/{runId}/timetable")
    public TimetableView timetable(@PathVariable long id, @PathVariable String runId, Authentication auth) {
        PlanScope scope = scope(id, auth);
        boolean counts = scope.audience().seesStudentCounts();
        PlanLayers.StudentCounts times = scope.audience().studentCounts();
        PlanRepository.RunRow run = scope.runs(stored.runs(id)).stream().filter(r -> r.runId().equals(runId)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "plan " + id + " has no run " + runId));
        Map<String, String> names = new HashMap<>();
        stored.stops(id).stream().filter(s -> !s.name().isEmpty()).forEach(s -> names.put(s.stopId(), s.name()));
        List<PlanRepository.TimetableRow> rows = plans.timetable(id, runId);
        // Operators get the published times (count-free), call by call in the run's order.
        List<PublishedTimetable.Call> published = scopes.published(scope).flatMap(p -> p.run(runId))
                .map(PublishedTimetable.Run::calls).filter(calls -> calls.size() == rows.size()).orElse(null);
        List<TimetableStopView> stops = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanRepository.TimetableRow t = rows.get(i);
            double arrival_s = published == null ? t.arrival_s() : published.get(i).time_s();
            stops.add(new TimetableStopView(t.seq(), t.placeId(), t.school() ? null : names.get(t.placeId()),
                    t.school() ? "school" : "stop", times.time(arrival_s), counts ? ClockTime.hhmmss(t.departure_s()) : null,
                    counts ? t.boarding() : null, counts ? t.alighting() : null, counts ? t.loadAfter() : null));
        }
        return new TimetableView(id, run.runId(), run.busId(), run.busType(), run.seats(), run.direction(), run.schoolId(),
                counts ? run.students() : null, run.length_km(), stops);
    }

    /** Homes of the students who needed transport, with stop and pickup: planners only (see SecurityConfiguration). */
    @GetMapping(value = "/{id}/students.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> students(@PathVariable long id, HttpServletRequest request) {
        find(id);
        List<PlanLayers.Rider> riders = plans.students(id).stream().map(s -> new PlanLayers.Rider(s.studentId(), s.schoolId(),
                s.grade(), s.stopId() == null ? "unserved" : s.capInfeasible() ? "cap_infeasible" : "transported", s.stopId(),
                s.walkToStop_m(), s.amRunId(), s.pickup_s(), s.ride_s(), s.journey_s(), s.reason(), s.home())).toList();
        byte[] body = GeoJsonWriter.toBytes(geoJson -> PlanLayers.writeRiders(riders, geoJson));
        audit.record(request, AuditLog.Action.READ_HOMES, AuditLog.Subject.PLAN, id);
        return geo(body);
    }

    private Plan find(long id) {
        return plans.findById(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }

    private PlanScope scope(long id, Authentication auth) {
        return scopes.of(id, auth);
    }

    private PlanView view(PlanScope scope, boolean withViolations, String datasetName, PlanInputs inputs) {
        PlanView view = PlanView.of(scope.plan(), scope.audience(), withViolations, datasetName, inputs);
        if (scope.all()) {
            return view;
        }
        List<PlanRepository.RunRow> runs = scope.runs(stored.runs(scope.plan().id()));
        long stops = scope.calls(stored.stopCalls(scope.plan().id()), runs).stream().map(PlanLayers.StopCall::stopId)
                .distinct().count();
        long buses = runs.stream().map(PlanRepository.RunRow::busId).distinct().count();
        return view.limitedTo((int) stops, (int) buses, runs.size(), runs.stream().mapToDouble(PlanRepository.RunRow::length_km).sum());
    }

    private String save(MultipartFile part, Path folder, String what) throws IOException {
        Path file = folder.resolve(what + ".json");
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return uploads.relative(file);
    }

    private static ResponseEntity<byte[]> geo(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(body);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
