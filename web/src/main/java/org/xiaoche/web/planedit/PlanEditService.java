package org.xiaoche.web.planedit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.routing.export.PlanLayers;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.edit.EditedPlan;
import org.xiaoche.routing.plan.edit.PlanChange;
import org.xiaoche.routing.plan.edit.PlanEdit;
import org.xiaoche.routing.plan.edit.PlanEditCodec;
import org.xiaoche.routing.plan.edit.PlanEditException;
import org.xiaoche.routing.plan.edit.PlanEditor;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;
import org.xiaoche.web.dataset.DatasetRepository;
import org.xiaoche.web.plan.Plan;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.Region;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionRepository;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hand edits of a stored plan: the engine's {@link PlanEditor} on the plan value, with the region's road
 * network and the roster's homes (read here, used for walks only, never returned), stored as a new plan
 * row with a {@code plan_version} row naming its parent. The parent is never changed, so an adopted
 * plan stays as adopted and its edited copy is an ordinary plan to adopt or not.
 */
@Service
public class PlanEditService {

    private static final TypeReference<List<PlanChange>> CHANGES = new TypeReference<>() { };
    /** The "file" of a refused edit's problem: the request's list of edits. */
    static final String EDITS = "edits";

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final DatasetRepository datasets;
    private final RegionRepository regions;
    private final RegionNetworks networks;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public PlanEditService(PlanRepository plans, PlanVersionRepository versions, DatasetRepository datasets,
                           RegionRepository regions, RegionNetworks networks, TransactionTemplate transaction, ObjectMapper json) {
        this.plans = plans;
        this.versions = versions;
        this.datasets = datasets;
        this.regions = regions;
        this.networks = networks;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Applies {@code edits} to plan {@code planId} and stores the result as a new version.
     *
     * @return the new plan's id
     * @throws ApiException 404 for an unknown plan, 409 for a plan stored without its value, 422 naming an edit
     *                      that makes no sense, with its problem coded ({@code edit-…}, see {@link PlanEditException.Reason})
     */
    public long edit(long planId, List<PlanEdit> edits, String user) {
        Plan row = plans.findById(planId).orElseThrow(() -> ApiException.notFound("plan", planId));
        org.xiaoche.routing.plan.Plan value = plans.findPlanValue(planId).orElseThrow(() -> ApiException.coded(HttpStatus.CONFLICT,
                "no-plan-value", "plan " + planId + " was stored before plans kept their value; plan again to edit it"));
        Region region = regions.findById(row.regionId()).orElseThrow(() -> ApiException.notFound("region", row.regionId()));
        Map<String, LonLat> homes = new TreeMap<>();
        for (Student student : datasets.students(row.datasetId())) {
            homes.put(student.id(), student.home());
        }
        EditedPlan edited;
        Map<String, List<LonLat>> lines;
        try (RegionNetworks.InUse inUse = networks.use(region)) {
            try {
                edited = new PlanEditor(inUse.network(), id -> Optional.ofNullable(homes.get(id))).apply(value, edits);
            } catch (PlanEditException e) {
                // The refused edit's place in the list is the problem's line, as a row's is in an upload.
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-edit", e.getMessage(), List.of(
                        new ApiError.Problem(EDITS, e.editNumber(), "", e.why(), e.reason().code(), e.args())));
            }
            lines = lines(planId, value, edited.plan(), inUse);
        }
        List<PlanLayers.Stop> stopRows = stopRows(planId, edited.plan());
        PlanRepository.Inputs inputs = plans.inputs(planId);
        String editsJson = PlanEditCodec.toJson(edits);
        String changesJson = write(edited.changes());
        org.xiaoche.routing.plan.Plan result = edited.plan();
        Long newId = transaction.execute(status -> {
            // Edits move no student in or out of need: the parent's eligibility counts stay true.
            long id = plans.insert(row.datasetId(), null, result, stopRows, plans.schoolEligibility(planId), lines,
                    inputs.policyJson(), inputs.fleetJson(), user);
            versions.insert(id, planId, editsJson, changesJson, user);
            return id;
        });
        return newId;
    }

    /** The changes stored with a version, as the engine gave them. */
    public List<PlanChange> changes(PlanVersionRepository.Version version) {
        try {
            return json.readValue(version.changesJson(), CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored changes of plan " + version.planId() + " are not JSON", e);
        }
    }

    /** Road lines: the parent's where a run calls at the same places, drawn anew where it does not. */
    private Map<String, List<LonLat>> lines(long parentId, org.xiaoche.routing.plan.Plan parent,
                                            org.xiaoche.routing.plan.Plan edited, RegionNetworks.InUse inUse) {
        Map<String, List<LonLat>> parentLines = new TreeMap<>();
        plans.runs(parentId).forEach(r -> parentLines.put(r.runId(), r.line()));
        Map<String, List<LonLat>> parentPlaces = new TreeMap<>();
        parent.runs().forEach(r -> parentPlaces.put(r.runId(), places(r)));
        Map<String, List<LonLat>> lines = new TreeMap<>();
        List<BusRun> redraw = new ArrayList<>();
        for (BusRun run : edited.runs()) {
            if (places(run).equals(parentPlaces.get(run.runId())) && parentLines.containsKey(run.runId())) {
                lines.put(run.runId(), parentLines.get(run.runId()));
            } else {
                redraw.add(run);
            }
        }
        lines.putAll(PlanStep.lines(inUse.network(), redraw, org.xiaoche.routing.progress.ProgressListener.NONE));
        return lines;
    }

    private static List<LonLat> places(BusRun run) {
        return run.stops().stream().map(TimedStop::location).toList();
    }

    /** Stop rows with the parent's road names and the edited plan's counts of boarding students. */
    private List<PlanLayers.Stop> stopRows(long parentId, org.xiaoche.routing.plan.Plan edited) {
        Map<String, String> roads = new TreeMap<>();
        plans.stops(parentId).forEach(s -> roads.put(s.stopId(), s.roadName()));
        Map<String, int[]> counts = new TreeMap<>();
        for (StudentJourney j : edited.journeys()) {
            int[] c = counts.computeIfAbsent(j.stopId(), k -> new int[2]);
            c[0]++;
            c[1] += edited.policy().isYoungPupil(j.grade()) ? 1 : 0;
        }
        return edited.stops().stream().map(s -> {
            int[] c = counts.getOrDefault(s.id(), new int[2]);
            return new PlanLayers.Stop(s.id(), s.name(), roads.getOrDefault(s.id(), ""), c[0], c[1], "", s.location());
        }).toList();
    }

    private String write(List<PlanChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("changes could not be written as JSON", e);
        }
    }
}
