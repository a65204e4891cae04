package org.xiaoche.web.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A plan lists what it was made from (roster, fleet, policy, author) and costs per day and year; a
 * refused fleet file is named as uploaded, never by its stored copy's generated name; only planners
 * delete plans.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanInputsApiTest {

    private static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");
    private static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionService regions;
    @Autowired
    DatasetService datasets;
    @Autowired
    JobRepository jobs;
    @Autowired
    PlanStep planning;

    long datasetId;
    long planId;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "pia");
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("plan-inputs");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students.csv"));
        datasetId = datasets.importFiles(created.region().id(), "基线", "wgs84", dir.resolve("schools.csv"),
                dir.resolve("students.csv"), "pia").id();
        planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "pia", ProgressListener.NONE);
    }

    private JsonNode call(RequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        assertEquals(expectedStatus, response.getStatus(), body);
        return body.isEmpty() ? null : json.readTree(body);
    }

    @Test
    void aPlanListsItsInputsAuthorAndCosts() throws Exception {
        JsonNode plan = call(get("/api/plans/" + planId).with(VIEWER), 200);
        assertEquals("基线", plan.at("/inputs/datasetName").asText());
        assertEquals("pia", plan.get("createdBy").asText());
        assertEquals(3, plan.at("/inputs/fleet/busTypes").size());
        assertEquals(2000, plan.at("/inputs/policy/walkThreshold_m").asDouble());
        assertEquals(plan.get("costPerDay").asDouble() * 190, plan.get("costPerYear").asDouble());
        JsonNode listed = call(get("/api/plans?datasetId=" + datasetId).with(VIEWER), 200);
        assertEquals("基线", listed.at("/0/datasetName").asText());
        assertTrue(listed.at("/0/inputs").isMissingNode(), "inputs only on a single plan");
    }

    @Test
    void aRefusedFleetFileIsNamedAsUploaded() throws Exception {
        String fleet = "{\"busTypes\":[{\"id\":\"bus19\",\"seats\":19,\"colour\":\"red\"}]}";
        JsonNode refused = call(multipart("/api/plans").file(new MockMultipartFile("fleet", "my-fleet.json",
                "application/json", fleet.getBytes(StandardCharsets.UTF_8))).param("datasetId", Long.toString(datasetId))
                .with(PLANNER).with(csrf().asHeader()), 400);
        String message = refused.get("message").asText();
        assertTrue(message.startsWith("my-fleet.json: line 1, field 'busTypes[0].colour': unknown fleet field 'colour'"), message);
        assertFalse(message.contains("org.xiaoche") || message.contains("$"), "no Java class named: " + message);
        assertFalse(message.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}.*"), "no generated name: " + message);
    }

    @Test
    void onlyPlannersDeletePlans() throws Exception {
        long doomed = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "pia", ProgressListener.NONE);
        call(delete("/api/plans/" + doomed).with(VIEWER).with(csrf().asHeader()), 403);
        call(delete("/api/plans/" + doomed).with(PLANNER).with(csrf().asHeader()), 204);
        call(get("/api/plans/" + doomed).with(PLANNER), 404);
        call(get("/api/plans/" + planId).with(PLANNER), 200);
    }
}
