package org.xiaoche.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every read of student homes leaves exactly one audit row naming who, what and when (never a
 * student or a location), and only admins read the log.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegionService regions;
    @Autowired
    DatasetService datasets;
    @Autowired
    EligibilityStep eligibility;
    @Autowired
    PlanStep planning;
    @Autowired
    JobRepository jobs;
    @Autowired
    AuditLog audit;
    @Autowired
    ObjectMapper json;

    long datasetId;
    long runId;
    long planId;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("audit");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students.csv"));
        datasetId = datasets.importFiles(created.region().id(), "d", "wgs84", dir.resolve("schools.csv"),
                dir.resolve("students.csv"), "setup").id();
        runId = eligibility.compute(datasetId, PlanningPolicy.defaults(), null, ProgressListener.NONE);
        planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
    }

    private static RequestPostProcessor planner(String name) {
        return user(name).roles("PLANNER");
    }

    private JsonNode newest() throws Exception {
        String body = mvc.perform(get("/api/audit").param("size", "1").with(user("root").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).at("/events/0");
    }

    @Test
    void readingHomesCreatesExactlyOneRowNamingWhoAndWhat() throws Exception {
        String[][] reads = {
                {"/api/datasets/" + datasetId + "/students.geojson", "dataset", Long.toString(datasetId)},
                {"/api/eligibility-runs/" + runId + "/students.geojson", "eligibility-run", Long.toString(runId)},
                {"/api/plans/" + planId + "/students.geojson", "plan", Long.toString(planId)}};
        for (String[] read : reads) {
            long before = audit.count();
            String homes = mvc.perform(get(read[0]).with(planner("pia")).with(r -> {
                r.setRemoteAddr("10.2.3.4");
                return r;
            })).andReturn().getResponse().getContentAsString();
            assertFalse(homes.isEmpty());
            assertEquals(before + 1, audit.count(), read[0]);
            JsonNode row = newest();
            assertEquals("pia", row.get("username").asText());
            assertEquals("read-homes", row.get("action").asText());
            assertEquals(read[1], row.get("subjectType").asText());
            assertEquals(read[2], row.get("subjectId").asText());
            assertEquals("10.2.3.4", row.get("remoteAddress").asText());
            for (String secret : new String[]{"P1", "P2", "0.005", "0.0125", "0.0151"}) {
                assertFalse(row.toString().contains(secret), "no student id or coordinate in the log: " + row);
            }
        }
    }

    @Test
    void readsOfNothingAndReadsWithoutHomesAreNotRecorded() throws Exception {
        long before = audit.count();
        assertEquals(404, mvc.perform(get("/api/datasets/999999/students.geojson").with(planner("pia"))).andReturn().getResponse().getStatus());
        assertEquals(200, mvc.perform(get("/api/plans/" + planId + "/stops.geojson").with(planner("pia"))).andReturn().getResponse().getStatus());
        assertEquals(200, mvc.perform(get("/api/datasets/" + datasetId + "/schools.geojson").with(planner("pia"))).andReturn().getResponse().getStatus());
        assertEquals(before, audit.count());
    }

    @Test
    void onlyAdminsReadTheLogPageByPage() throws Exception {
        for (String role : new String[]{"PLANNER", "VIEWER", "OPERATOR"}) {
            assertEquals(403, mvc.perform(get("/api/audit").with(user("u").roles(role))).andReturn().getResponse().getStatus(), role);
        }
        mvc.perform(get("/api/datasets/" + datasetId + "/students.geojson").with(planner("first")));
        mvc.perform(get("/api/datasets/" + datasetId + "/students.geojson").with(planner("second")));
        JsonNode page = json.readTree(mvc.perform(get("/api/audit").param("page", "0").param("size", "1")
                .with(user("root").roles("ADMIN"))).andReturn().getResponse().getContentAsString());
        assertEquals(audit.count(), page.get("total").asLong());
        assertEquals(1, page.get("events").size());
        assertEquals("second", page.at("/events/0/username").asText(), "newest first");
        JsonNode next = json.readTree(mvc.perform(get("/api/audit").param("page", "1").param("size", "1")
                .with(user("root").roles("ADMIN"))).andReturn().getResponse().getContentAsString());
        assertEquals("first", next.at("/events/0/username").asText());
        assertEquals(400, mvc.perform(get("/api/audit").param("size", "100000").with(user("root").roles("ADMIN")))
                .andReturn().getResponse().getStatus());
    }
}
