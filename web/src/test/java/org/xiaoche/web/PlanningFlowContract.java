package org.xiaoche.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.routing.export.PlanExport;
import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.PlanChecks;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.plan.PlanScoring;
import org.xiaoche.routing.plan.PlanSummary;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.timetable.TimedStop;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The planner's whole path through the API, run against each database: upload a region and wait
 * for its import, have a bad roster rejected with nothing stored, upload a good one, compute
 * eligibility in a job, reopen the run and its students, delete the dataset and see its students
 * gone everywhere; store a plan value and read it back equal; see a fleet's shortfall reported.
 * Subclasses choose the database.
 */
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class PlanningFlowContract {

    static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");
    static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JobRepository jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanStep planning;
    @Autowired
    PlanRepository plans;
    @Autowired
    org.xiaoche.web.adoption.AdoptionService adoptions;
    @Autowired
    org.xiaoche.web.operator.OperatorService operators;
    @Autowired
    org.xiaoche.web.account.AccountService accounts;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;

    /** Adopts the plan and gives operator "olga" a company that runs all its buses; returns the adoption. */
    long adoptForOlga(long planId) {
        return Fixtures.adoptForOperator(adoptions, operators, accounts, users, planId, "olga", "2026-09-01", "2027-01-31");
    }

    JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        assertEquals(expectedStatus, response.getStatus(), body);
        return body.isEmpty() ? null : json.readTree(body);
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    @Test
    void plannerUploadsRegionAndRosterAndComputesEligibility() throws Exception {
        // Other tests of the class share the database: counts are compared with these.
        long datasetsBefore = count("dataset"), schoolsBefore = count("school"), studentsBefore = count("student");
        long eligibilityStudentsBefore = count("eligibility_student"), runsBefore = count("eligibility_run");
        long planStudentsBefore = count("plan_student"), plansBefore = count("plan");
        JsonNode created = call(multipart("/api/regions").file(Fixtures.osmPart()).param("name", "村 Village")
                .with(PLANNER).with(csrf().asHeader()), 202);
        long regionId = created.at("/region/id").asLong();
        Job imported = Fixtures.awaitFinished(jobs, created.at("/job/id").asLong(), Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, imported.state(), imported.message());
        JsonNode region = call(get("/api/regions/" + regionId).with(PLANNER), 200);
        assertEquals("ready", region.get("state").asText());
        assertEquals(4, region.get("bbox").size());
        JsonNode roads = call(get("/api/regions/" + regionId + "/roads.geojson").with(PLANNER), 200);
        assertTrue(roads.get("features").size() >= 2, roads.toString());

        // A roster with problems: every problem with its line, and nothing stored.
        Fixtures.RosterUpload rejected = Fixtures.uploadRoster(mvc, jobs, multipart("/api/regions/" + regionId + "/datasets")
                .file(Fixtures.schoolsPart()).file(Fixtures.studentsPart("students-bad.csv")), PLANNER);
        assertEquals(JobState.FAILED, rejected.job().state());
        assertTrue(rejected.view().get("message").asText().startsWith("students.csv was rejected, nothing was imported"), rejected.view().toString());
        Map<Long, String> fieldByLine = new HashMap<>();
        rejected.problems().forEach(p -> fieldByLine.put(p.get("line").asLong(), p.get("field").asText()));
        assertEquals(Map.of(3L, "school_id", 4L, "grade"), fieldByLine, rejected.view().toString());
        rejected.problems().forEach(p -> assertEquals("students.csv", p.get("file").asText()));
        assertEquals(List.of("unknown-school", "not-whole-number"),
                List.of(rejected.problems().get(0).get("code").asText(), rejected.problems().get(1).get("code").asText()));
        // Another user (a viewer) sees that the job failed and why in one line, but not the problems.
        JsonNode asViewer = call(get("/api/jobs/" + rejected.job().id()).with(VIEWER), 200);
        assertEquals(0, asViewer.get("problems").size(), asViewer.toString());
        assertEquals(datasetsBefore, count("dataset"));
        assertEquals(schoolsBefore, count("school"));
        assertEquals(studentsBefore, count("student"));

        long datasetId = Fixtures.uploadRoster(mvc, jobs, multipart("/api/regions/" + regionId + "/datasets")
                .file(Fixtures.schoolsPart()).file(Fixtures.studentsPart("students.csv")).param("name", "2026 秋"), PLANNER).datasetId();
        JsonNode dataset = call(get("/api/regions/" + regionId + "/datasets").with(PLANNER), 200).get(0);
        assertEquals(datasetId, dataset.get("id").asLong());
        assertEquals("2026 秋", dataset.get("name").asText());
        assertEquals(1, dataset.get("schoolCount").asInt());
        assertEquals(3, dataset.get("studentCount").asInt());

        JsonNode job = call(post("/api/eligibility-runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": " + datasetId + "}").with(PLANNER).with(csrf().asHeader()), 202);
        Job done = Fixtures.awaitFinished(jobs, job.get("id").asLong(), Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals("eligibility-run", done.resultType());
        assertEquals(100.0, done.percent());

        JsonNode run = call(get("/api/eligibility-runs/" + done.resultId()).with(PLANNER), 200);
        assertEquals(3, run.get("students").asInt());
        assertEquals(1, run.get("walkers").asInt());
        assertEquals(1, run.get("needsTransport").asInt());
        assertEquals(1, run.get("unreachable").asInt());
        assertEquals("S1", run.at("/schools/0/schoolId").asText());
        assertEquals(1, call(get("/api/eligibility-runs?regionId=" + regionId).with(PLANNER), 200).size());

        JsonNode students = call(get("/api/eligibility-runs/" + done.resultId() + "/students.geojson").with(PLANNER), 200);
        Map<String, String> statusById = new HashMap<>();
        students.get("features").forEach(f -> statusById.put(f.at("/properties/student_id").asText(), f.at("/properties/status").asText()));
        assertEquals(Map.of("P1", "walks", "P2", "needs_transport", "P3", "unreachable"), statusById);
        JsonNode p1 = students.get("features").get(0);
        assertEquals(0.005, p1.at("/geometry/coordinates/0").asDouble(), 1e-9, "home survives the database round trip");
        JsonNode schools = call(get("/api/datasets/" + datasetId + "/schools.geojson").with(PLANNER), 200);
        assertEquals("村小 Village School", schools.at("/features/0/properties/school_name").asText());

        long planId = plan(datasetId, planStudentsBefore);
        assertTrue(plans.findPlanValue(planId).isPresent(), "the plan job stores the plan value");

        // Deleting a dataset deletes its students everywhere, results and plans (with their plan values) included.
        call(delete("/api/datasets/" + datasetId).with(PLANNER).with(csrf().asHeader()), 204);
        assertEquals(studentsBefore, count("student"));
        assertEquals(eligibilityStudentsBefore, count("eligibility_student"));
        assertEquals(runsBefore, count("eligibility_run"));
        assertEquals(planStudentsBefore, count("plan_student"));
        assertEquals(plansBefore, count("plan"));
        assertTrue(plans.findPlanValue(planId).isEmpty());
        call(get("/api/eligibility-runs/" + done.resultId()).with(PLANNER), 404);
        call(get("/api/plans/" + planId).with(PLANNER), 404);
    }

    /**
     * Plans the fixture dataset through the API with an uploaded fleet: P2 rides one minibus to school
     * and back, P3 stays unserved. A fleet file that does not read is refused before any job starts.
     */
    private long plan(long datasetId, long planStudentsBefore) throws Exception {
        long jobsBefore = count("job");
        JsonNode refused = call(multipart("/api/plans").file(new org.springframework.mock.web.MockMultipartFile("fleet",
                "fleet.json", "application/json", "{\"busTypes\": [{\"id\": \"x\", \"seats\": 500}]}".getBytes()))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader()), 400);
        assertTrue(refused.get("message").asText().contains("seats"), refused.toString());
        assertEquals(jobsBefore, count("job"));
        JsonNode job = call(multipart("/api/plans").file(new org.springframework.mock.web.MockMultipartFile("fleet",
                "fleet.json", "application/json", "{\"busTypes\": [{\"id\": \"minibus\", \"seats\": 19}]}".getBytes()))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader()), 202);
        Job done = Fixtures.awaitFinished(jobs, job.get("id").asLong(), Duration.ofSeconds(90));
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals("plan", done.resultType());
        long planId = done.resultId();

        JsonNode plan = call(get("/api/plans/" + planId).with(PLANNER), 200);
        assertTrue(plan.get("valid").asBoolean(), plan.toString());
        assertTrue(plan.get("validatorVerdict").asText().startsWith("VALID"), plan.toString());
        assertTrue(plan.get("coverageComplete").asBoolean(), plan.toString());
        assertEquals(0, plan.get("busesBeyondFleet").asInt());
        assertEquals(0, plan.get("unservedByReason").size());
        assertEquals(1, plan.get("needingTransport").asInt());
        assertEquals(1, plan.get("transported").asInt());
        assertEquals(1, plan.get("buses").asInt());
        assertEquals(2, plan.get("runs").asInt());
        // The summary on this database: the plan's own eligibility per school is stored with it (P1 walks, P3 is unreachable).
        JsonNode summary = call(get("/api/plans/" + planId + "/summary").with(PLANNER), 200);
        assertEquals(3, summary.at("/schools/0/students").asInt(), summary.toString());
        assertEquals(1, summary.at("/schools/0/walkers").asInt());
        assertEquals(1, summary.at("/schools/0/served").asInt());
        assertEquals(2, summary.get("runs").size());
        assertEquals(1, call(get("/api/plans?datasetId=" + datasetId).with(PLANNER), 200).size());

        JsonNode stops = call(get("/api/plans/" + planId + "/stops.geojson").with(PLANNER), 200);
        assertEquals(1, stops.get("features").size());
        assertEquals(1, stops.at("/features/0/properties/students").asInt());
        assertEquals("村前路", stops.at("/features/0/properties/stop_name").asText(), "stops are named after their road");
        String stopId = stops.at("/features/0/properties/stop_id").asText();

        JsonNode routes = call(get("/api/plans/" + planId + "/routes.geojson").with(PLANNER), 200);
        assertEquals(2, routes.get("features").size());
        assertEquals("LineString", routes.at("/features/0/geometry/type").asText());
        assertTrue(routes.at("/features/0/geometry/coordinates").size() >= 2);
        String amRun = null;
        for (JsonNode f : routes.get("features")) {
            assertTrue(f.at("/properties/length_km").asDouble() > 2, f.toString());
            assertEquals("minibus", f.at("/properties/bus_type").asText());
            if (f.at("/properties/direction").asText().equals("AM")) {
                amRun = f.at("/properties/run_id").asText();
            }
        }
        JsonNode timetable = call(get("/api/plans/" + planId + "/runs/" + amRun + "/timetable").with(PLANNER), 200);
        assertEquals(stopId, timetable.at("/stops/0/placeId").asText());
        assertEquals("村前路", timetable.at("/stops/0/name").asText());
        assertEquals(1, timetable.at("/stops/0/boarding").asInt());
        assertEquals("school", timetable.at("/stops/1/kind").asText());
        assertEquals("S1", timetable.at("/stops/1/placeId").asText());
        call(get("/api/plans/" + planId + "/runs/nope/timetable").with(PLANNER), 404);

        JsonNode riders = call(get("/api/plans/" + planId + "/students.geojson").with(PLANNER), 200);
        Map<String, String> statusById = new HashMap<>();
        riders.get("features").forEach(f -> statusById.put(f.at("/properties/student_id").asText(), f.at("/properties/status").asText()));
        assertEquals(Map.of("P2", "transported"), statusById);
        assertEquals(stopId, riders.at("/features/0/properties/stop_id").asText());
        assertTrue(riders.at("/features/0/properties/pickup_time").asText().matches("\\d\\d:\\d\\d:\\d\\d"));
        assertEquals(planStudentsBefore + 1, count("plan_student"));
        return planId;
    }

    /**
     * The plan value survives the database exactly: planned, stored (as the plan job does), read back
     * with findPlanValue, it equals the engine's plan record for record, its stored bytes are the
     * codec's bytes, and re-validating it from its own legs and re-scoring it gives the stored summary,
     * which the plan row's figures repeat. Checked on the fixture village (one rider) and on a crowd of
     * 60 with a one-bus fleet (several buses, a shortfall). Deleting the dataset deletes the values.
     */
    @Test
    void storedPlanValueReloadsEqualAndRescoresToTheStoredSummary() throws Exception {
        long regionId = readyRegion();
        Fleet oneBus = new Fleet(List.of(new BusType("minibus", 19, 450, 2.2, 1)), List.of());
        long[] datasetIds = {dataset(regionId, "students.csv"), dataset(regionId, "students-crowd.csv")};
        Fleet[] fleets = {Fleet.defaults(), oneBus};
        List<Long> planIds = new ArrayList<>();
        for (int i = 0; i < datasetIds.length; i++) {
            PlanStep.Computed computed = planning.solve(datasetIds[i], fleets[i], PlanningPolicy.defaults(), ProgressListener.NONE);
            org.xiaoche.routing.plan.Plan planned = computed.result().plan();
            assertEquals(10, planned.solver().iterationsPerStop(), "xiaoche.planning.solver-iterations-per-stop");
            assertEquals(30.0, planned.solver().wallCap_s(), "xiaoche.planning.solver-seconds is the wall cap");
            assertEquals(0, planned.summary().solverWallCapHits(), "the search ended on its iterations, not on the clock");
            long planId = planning.store(datasetIds[i], computed, null, "pia");
            planIds.add(planId);

            org.xiaoche.routing.plan.Plan reloaded = plans.findPlanValue(planId).orElseThrow();
            assertEquals(planned, reloaded, "the plan value reloads equal");
            byte[] stored = jdbc.queryForObject("SELECT plan_value FROM plan WHERE id = ?", byte[].class, planId);
            assertArrayEquals(PlanCodec.toBytes(planned), gunzip(stored), "stored as the codec's bytes, gzip-compressed");
            assertTrue(stored.length < PlanCodec.toBytes(planned).length, "compressed");

            PlanSummary rescored = PlanScoring.score(reloaded.withValidation(PlanChecks.revalidate(reloaded)));
            assertEquals(computed.result().summary(), rescored, "re-validated and re-scored from the stored plan alone");

            org.xiaoche.web.plan.Plan row = plans.findById(planId).orElseThrow();
            PlanSummary s = planned.summary();
            assertEquals(s.rulesValid(), row.valid());
            assertEquals(s.rulesVerdict(), row.validatorVerdict());
            assertEquals(s.coverageComplete(), row.coverageComplete());
            assertEquals(s.coverageVerdict(), row.coverageVerdict());
            assertEquals(s.busesBeyondFleet(), row.busesBeyondFleet());
            assertEquals(s.walkOverLimit(), row.walkOverLimit());
            assertEquals(s.unservedByReason(), row.unservedByReason());
            assertEquals(s.buses(), row.buses());
            assertEquals(s.transported(), row.transported());

            Map<String, String> names = new HashMap<>();
            plans.stops(planId).forEach(stop -> names.put(stop.stopId(), stop.name()));
            planned.stops().forEach(stop -> assertEquals(stop.name(), names.get(stop.id()), "stop rows carry the stop's name"));
            assertEquals(planned.stops().size(), reloaded.stops().size());
        }
        org.xiaoche.routing.plan.Plan crowd = plans.findPlanValue(planIds.get(1)).orElseThrow();
        assertTrue(crowd.buses().size() >= 2, "60 riders need several 19-seat buses: " + crowd.summary());
        assertTrue(crowd.summary().busesBeyondFleet() > 0, crowd.summary().toString());

        for (long datasetId : datasetIds) {
            call(delete("/api/datasets/" + datasetId).with(PLANNER).with(csrf().asHeader()), 204);
        }
        for (long planId : planIds) {
            assertTrue(plans.findPlanValue(planId).isEmpty(), "deleting the dataset deletes plan " + planId + "'s value");
            assertEquals(0L, jdbc.queryForObject("SELECT count(*) FROM plan WHERE id = ?", Long.class, planId));
        }
    }

    /**
     * The command line's files and the web's responses are the same layers: for one stored plan (the
     * crowd of 60 on several buses), the CLI's stops.geojson and routes.geojson, drawn with
     * the plan job's road lines, equal what a planner gets from the API feature for feature,
     * properties (keys in order) and geometry alike; operators get the same keys less the counts of
     * students.
     */
    @Test
    void cliFilesAndApiLayersOfOnePlanAreTheSame(@TempDir Path dir) throws Exception {
        long datasetId = dataset(readyRegion(), "students-crowd.csv");
        PlanStep.Computed computed = planning.solve(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), ProgressListener.NONE);
        long planId = planning.store(datasetId, computed, null, "pia");
        Map<List<LonLat>, List<LonLat>> lineThroughPlaces = new HashMap<>();
        computed.result().plan().runs().forEach(run -> lineThroughPlaces.put(
                run.stops().stream().map(TimedStop::location).toList(), computed.lines().get(run.runId())));
        PlanExport.write(computed.result(), lineThroughPlaces::get, dir);

        long adoption = adoptForOlga(planId);
        RequestPostProcessor operator = user("olga").roles("OPERATOR");
        for (String layer : List.of("stops", "routes")) {
            String id = layer.equals("stops") ? "stop_id" : "run_id";
            Map<String, JsonNode> cli = byId(json.readTree(dir.resolve(layer + ".geojson").toFile()), id);
            Map<String, JsonNode> api = byId(call(get("/api/plans/" + planId + "/" + layer + ".geojson").with(PLANNER), 200), id);
            assertTrue(cli.size() >= (layer.equals("stops") ? 1 : 4), layer + ": " + cli.keySet());
            assertEquals(cli.keySet(), api.keySet(), layer);
            for (String key : cli.keySet()) {
                assertEquals(keys(cli.get(key).get("properties")), keys(api.get(key).get("properties")), layer + " " + key);
                assertEquals(cli.get(key), api.get(key), layer + " " + key);
            }
            Map<String, JsonNode> trimmed = byId(call(get("/api/plans/" + planId + "/" + layer + ".geojson").with(operator), 200), id);
            for (String key : cli.keySet()) {
                List<String> expected = new ArrayList<>(keys(cli.get(key).get("properties")));
                expected.removeAll(List.of("students", "young_pupils"));
                assertEquals(expected, keys(trimmed.get(key).get("properties")), "operators: " + layer + " " + key);
            }
        }
        // The plan in force keeps its dataset until the adoption is withdrawn.
        call(delete("/api/datasets/" + datasetId).with(PLANNER).with(csrf()), 409);
        call(post("/api/adoptions/" + adoption + "/withdraw").with(PLANNER).with(csrf()), 200);
        call(delete("/api/datasets/" + datasetId).with(PLANNER).with(csrf()), 204);
    }

    private static Map<String, JsonNode> byId(JsonNode collection, String idKey) {
        Map<String, JsonNode> features = new HashMap<>();
        collection.get("features").forEach(f -> features.put(f.at("/properties/" + idKey).asText(), f));
        return features;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * A fleet file of one bus on a roster that needs several: the plan uses the buses it needs and
     * says so. Planners read the shortfall and the incomplete coverage through GET /api/plans/{id}
     * and the list; operators read "INCOMPLETE" without any number.
     */
    @Test
    void aOneBusFleetOnARosterNeedingMoreReportsItsShortfall() throws Exception {
        long datasetId = dataset(readyRegion(), "students-crowd.csv");
        JsonNode job = call(multipart("/api/plans").file(new org.springframework.mock.web.MockMultipartFile("fleet", "fleet.json",
                "application/json", "{\"busTypes\": [{\"id\": \"minibus\", \"seats\": 19, \"available\": 1}]}".getBytes()))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader()), 202);
        Job done = Fixtures.awaitFinished(jobs, job.get("id").asLong(), Duration.ofSeconds(90));
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        long planId = done.resultId();

        JsonNode plan = call(get("/api/plans/" + planId).with(PLANNER), 200);
        assertEquals(60, plan.get("needingTransport").asInt(), plan.toString());
        assertTrue(plan.get("buses").asInt() >= 2, plan.toString());
        assertEquals(plan.get("buses").asInt() - 1, plan.get("busesBeyondFleet").asInt(), "one bus available, the rest beyond: " + plan);
        assertFalse(plan.get("coverageComplete").asBoolean(), plan.toString());
        assertTrue(plan.get("coverageVerdict").asText().contains("beyond the fleet"), plan.toString());
        JsonNode listed = call(get("/api/plans?datasetId=" + datasetId).with(PLANNER), 200).get(0);
        assertEquals(plan.get("busesBeyondFleet"), listed.get("busesBeyondFleet"));
        assertFalse(listed.get("coverageComplete").asBoolean());

        long adoption = adoptForOlga(planId);
        JsonNode operator = call(get("/api/plans/" + planId).with(user("olga").roles("OPERATOR")), 200);
        assertFalse(operator.get("coverageComplete").asBoolean());
        assertEquals("INCOMPLETE", operator.get("coverageVerdict").asText());
        assertFalse(operator.has("busesBeyondFleet"), operator.toString());
        assertFalse(operator.has("unservedByReason"), operator.toString());
        call(post("/api/adoptions/" + adoption + "/withdraw").with(PLANNER).with(csrf().asHeader()), 200);
        call(delete("/api/datasets/" + datasetId).with(PLANNER).with(csrf().asHeader()), 204);
    }

    private static byte[] gunzip(byte[] bytes) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** A region made from the fixture village, imported. */
    private long readyRegion() throws Exception {
        JsonNode created = call(multipart("/api/regions").file(Fixtures.osmPart()).param("name", "村 Village")
                .with(PLANNER).with(csrf().asHeader()), 202);
        Job imported = Fixtures.awaitFinished(jobs, created.at("/job/id").asLong(), Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, imported.state(), imported.message());
        return created.at("/region/id").asLong();
    }

    /** The fixture school with a students fixture, uploaded through the API. */
    private long dataset(long regionId, String studentsFixture) throws Exception {
        return Fixtures.uploadRoster(mvc, jobs, multipart("/api/regions/" + regionId + "/datasets").file(Fixtures.schoolsPart())
                .file(Fixtures.studentsPart(studentsFixture)), PLANNER).datasetId();
    }
}
