package org.xiaoche.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * gone everywhere. Subclasses choose the database.
 */
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class PlanningFlowContract {

    static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JobRepository jobs;
    @Autowired
    JdbcTemplate jdbc;

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
        JsonNode created = call(multipart("/api/regions").file(Fixtures.osmPart()).param("name", "村 Village")
                .with(PLANNER).with(csrf()), 202);
        long regionId = created.at("/region/id").asLong();
        Job imported = Fixtures.awaitFinished(jobs, created.at("/job/id").asLong(), Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, imported.state(), imported.message());
        JsonNode region = call(get("/api/regions/" + regionId).with(PLANNER), 200);
        assertEquals("ready", region.get("state").asText());
        assertEquals(4, region.get("bbox").size());
        JsonNode roads = call(get("/api/regions/" + regionId + "/roads.geojson").with(PLANNER), 200);
        assertTrue(roads.get("features").size() >= 2, roads.toString());

        // A roster with problems: every problem with its line, and nothing stored.
        JsonNode rejected = call(multipart("/api/regions/" + regionId + "/datasets").file(Fixtures.schoolsPart())
                .file(Fixtures.studentsPart("students-bad.csv")).with(PLANNER).with(csrf()), 422);
        assertEquals(422, rejected.get("status").asInt());
        Map<Long, String> fieldByLine = new HashMap<>();
        rejected.get("problems").forEach(p -> fieldByLine.put(p.get("line").asLong(), p.get("field").asText()));
        assertEquals(Map.of(3L, "school_id", 4L, "grade"), fieldByLine, rejected.toString());
        rejected.get("problems").forEach(p -> assertEquals("students.csv", p.get("file").asText()));
        assertEquals(0, count("dataset"));
        assertEquals(0, count("school"));
        assertEquals(0, count("student"));

        JsonNode dataset = call(multipart("/api/regions/" + regionId + "/datasets").file(Fixtures.schoolsPart())
                .file(Fixtures.studentsPart("students.csv")).param("name", "2026 秋").with(PLANNER).with(csrf()), 201);
        long datasetId = dataset.get("id").asLong();
        assertEquals(1, dataset.get("schoolCount").asInt());
        assertEquals(3, dataset.get("studentCount").asInt());

        JsonNode job = call(post("/api/eligibility-runs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": " + datasetId + "}").with(PLANNER).with(csrf()), 202);
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
        assertEquals("村小 Village School", schools.at("/features/0/properties/name").asText());

        long planId = plan(datasetId);

        // Deleting a dataset deletes its students everywhere, results and plans included.
        call(delete("/api/datasets/" + datasetId).with(PLANNER).with(csrf()), 204);
        assertEquals(0, count("student"));
        assertEquals(0, count("eligibility_student"));
        assertEquals(0, count("eligibility_run"));
        assertEquals(0, count("plan_student"));
        assertEquals(0, count("plan"));
        call(get("/api/eligibility-runs/" + done.resultId()).with(PLANNER), 404);
        call(get("/api/plans/" + planId).with(PLANNER), 404);
    }

    /**
     * Plans the fixture dataset through the API with an uploaded fleet: P2 rides one minibus to school
     * and back, P3 stays unserved. A fleet file that does not read is refused before any job starts.
     */
    private long plan(long datasetId) throws Exception {
        long jobsBefore = count("job");
        JsonNode refused = call(multipart("/api/plans").file(new org.springframework.mock.web.MockMultipartFile("fleet",
                "fleet.json", "application/json", "{\"busTypes\": [{\"id\": \"x\", \"seats\": 500}]}".getBytes()))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf()), 400);
        assertTrue(refused.get("message").asText().contains("seats"), refused.toString());
        assertEquals(jobsBefore, count("job"));
        JsonNode job = call(multipart("/api/plans").file(new org.springframework.mock.web.MockMultipartFile("fleet",
                "fleet.json", "application/json", "{\"busTypes\": [{\"id\": \"minibus\", \"seats\": 19}]}".getBytes()))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf()), 202);
        Job done = Fixtures.awaitFinished(jobs, job.get("id").asLong(), Duration.ofSeconds(90));
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertEquals("plan", done.resultType());
        long planId = done.resultId();

        JsonNode plan = call(get("/api/plans/" + planId).with(PLANNER), 200);
        assertTrue(plan.get("valid").asBoolean(), plan.toString());
        assertTrue(plan.get("validatorVerdict").asText().startsWith("VALID"), plan.toString());
        assertEquals(1, plan.get("needingTransport").asInt());
        assertEquals(1, plan.get("transported").asInt());
        assertEquals(1, plan.get("buses").asInt());
        assertEquals(2, plan.get("runs").asInt());
        assertEquals(1, call(get("/api/plans?datasetId=" + datasetId).with(PLANNER), 200).size());

        JsonNode stops = call(get("/api/plans/" + planId + "/stops.geojson").with(PLANNER), 200);
        assertEquals(1, stops.get("features").size());
        assertEquals(1, stops.at("/features/0/properties/students").asInt());
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
        assertEquals(1, timetable.at("/stops/0/boarding").asInt());
        assertEquals("school", timetable.at("/stops/1/kind").asText());
        assertEquals("S1", timetable.at("/stops/1/placeId").asText());
        call(get("/api/plans/" + planId + "/runs/nope/timetable").with(PLANNER), 404);

        JsonNode riders = call(get("/api/plans/" + planId + "/students.geojson").with(PLANNER), 200);
        Map<String, String> statusById = new HashMap<>();
        riders.get("features").forEach(f -> statusById.put(f.at("/properties/student_id").asText(), f.at("/properties/status").asText()));
        assertEquals(Map.of("P2", "transported"), statusById);
        assertEquals(stopId, riders.at("/features/0/properties/stop_id").asText());
        assertTrue(riders.at("/features/0/properties/pickup").asText().matches("\\d\\d:\\d\\d:\\d\\d"));
        assertEquals(1, count("plan_student"));
        return planId;
    }
}
