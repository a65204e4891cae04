package org.xiaoche.web.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.xiaoche.web.region.RegionImportStep;
import org.xiaoche.web.region.RegionService;
import org.xiaoche.web.system.XiaocheProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Jobs through the real db-scheduler queue: progress, success, failure, cancelling running and queued jobs. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class JobLifecycleTest {

    static final String LEAKY_PATH = "/srv/xiaoche/data/regions/7/graph-cache";
    static final String LEAKY_STUDENT = "S-20231187";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    /** Steps standing in for long engine work. */
    @TestConfiguration
    static class TestSteps {
        @Bean
        JobStep waitingStep() {
            return new JobStep() {
                @Override
                public String kind() {
                    return "test-wait";
                }

                @Override
                public JobResult run(JobContext context) throws InterruptedException {
                    long end = System.currentTimeMillis() + 20_000;
                    for (int i = 0; System.currentTimeMillis() < end; i++) {
                        context.progress().progress("waiting", Math.min(0.5, i / 1000.0));
                        Thread.sleep(20);
                    }
                    return JobResult.NONE;
                }
            };
        }

        @Bean
        JobStep failingStep() {
            return new JobStep() {
                @Override
                public String kind() {
                    return "test-fail";
                }

                @Override
                public JobResult run(JobContext context) {
                    context.progress().progress("about to fail", 0.3);
                    throw new IllegalStateException("the engine said no", new IllegalStateException(
                            "could not write " + LEAKY_PATH + ": duplicate key (student_id)=(" + LEAKY_STUDENT + ")"));
                }
            };
        }
    }

    @Autowired
    JobService jobs;
    @Autowired
    JobRepository repository;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionService regions;
    @Autowired
    XiaocheProperties properties;

    @Test
    void runningJobReportsProgressAndStopsWhenCancelled() throws Exception {
        long id = jobs.submit("test-wait", Map.of(), "t").id();
        Fixtures.awaitState(repository, id, Duration.ofSeconds(20), JobState.RUNNING);
        Thread.sleep(JobProgress.WRITE_INTERVAL_MS * 2);
        JsonNode view = json.readTree(mvc.perform(get("/api/jobs/" + id).with(user("v").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString());
        assertEquals("running", view.get("state").asText());
        assertEquals("waiting", view.get("stage").asText());
        assertTrue(repository.findById(id).orElseThrow().worker().startsWith("test-instance-"));

        int status = mvc.perform(post("/api/jobs/" + id + "/cancel").with(user("p").roles("PLANNER")).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertEquals(200, status);
        Job cancelled = Fixtures.awaitState(repository, id, Duration.ofSeconds(10), JobState.CANCELLED);
        assertNotNull(cancelled.finishedAt());
        assertEquals(409, mvc.perform(post("/api/jobs/" + id + "/cancel").with(user("p").roles("PLANNER")).with(csrf()))
                .andReturn().getResponse().getStatus(), "an ended job cannot be cancelled again");
    }

    @Test
    void queuedJobIsCancelledBeforeItStarts() throws Exception {
        // Two threads: the third job waits in the queue.
        long first = jobs.submit("test-wait", Map.of(), "t").id();
        long second = jobs.submit("test-wait", Map.of(), "t").id();
        Fixtures.awaitState(repository, first, Duration.ofSeconds(20), JobState.RUNNING);
        Fixtures.awaitState(repository, second, Duration.ofSeconds(20), JobState.RUNNING);
        long third = jobs.submit("test-wait", Map.of(), "t").id();
        assertEquals(JobState.QUEUED, repository.findById(third).orElseThrow().state());
        assertEquals(JobState.CANCELLED, jobs.cancel(third).state());
        jobs.cancel(first);
        jobs.cancel(second);
        Fixtures.awaitState(repository, first, Duration.ofSeconds(10), JobState.CANCELLED);
        Fixtures.awaitState(repository, second, Duration.ofSeconds(10), JobState.CANCELLED);
        Thread.sleep(500);
        Job after = repository.findById(third).orElseThrow();
        assertEquals(JobState.CANCELLED, after.state(), "a cancelled queued job never runs");
        assertEquals(null, after.startedAt());
    }

    @Test
    void failingStepFailsTheJobWithASafeMessageThatNoRoleSeesDetailsIn(CapturedOutput output) throws Exception {
        long id = jobs.submit("test-fail", Map.of(), "t").id();
        Job failed = Fixtures.awaitFinished(repository, id, Duration.ofSeconds(20));
        assertEquals(JobState.FAILED, failed.state());
        assertEquals("failed during about to fail: internal error (job " + id + "; details are in the server log)", failed.message());
        assertTrue(failed.percent() < 100);
        for (String role : new String[]{"VIEWER", "OPERATOR", "PLANNER", "ADMIN"}) {
            var response = mvc.perform(get("/api/jobs/" + id).with(user("u").roles(role))).andReturn().getResponse();
            assertEquals(200, response.getStatus());
            String body = response.getContentAsString();
            assertFalse(body.contains(LEAKY_PATH) || body.contains(LEAKY_STUDENT) || body.contains("said no"), role + ": " + body);
            assertEquals("failed", json.readTree(body).get("state").asText());
        }
        // The log keeps the stage, the exception classes and frames, not their messages.
        assertTrue(output.getAll().contains("job " + id + " (test-fail) failed during about to fail"), output.getAll());
        assertTrue(output.getAll().contains("java.lang.IllegalStateException"));
        assertFalse(output.getAll().contains(LEAKY_STUDENT), "no student id in the log");
        assertFalse(output.getAll().contains(LEAKY_PATH), "no path from the message in the log");
    }

    @Test
    void failedRegionImportShowsNoExceptionTextToAnyRole() throws Exception {
        var created = regions.create("broken", "broken.osm",
                new ByteArrayInputStream("<osm version=\"0.6\"><node id=\"1\" lat=\"x\"".getBytes(StandardCharsets.UTF_8)), "t");
        Job job = Fixtures.awaitFinished(repository, created.job().id(), Duration.ofSeconds(60));
        assertEquals(JobState.FAILED, job.state());
        String dataDir = properties.dataDir().toAbsolutePath().toString();
        for (String role : new String[]{"VIEWER", "OPERATOR"}) {
            for (String path : new String[]{"/api/regions", "/api/regions/" + created.region().id(), "/api/jobs/" + job.id()}) {
                String body = mvc.perform(get(path).with(user("u").roles(role))).andReturn().getResponse().getContentAsString();
                assertFalse(body.contains(dataDir) || body.contains("broken.osm") || body.contains("Exception"), role + " " + path + ": " + body);
            }
        }
        String list = mvc.perform(get("/api/regions").with(user("u").roles("VIEWER"))).andReturn().getResponse().getContentAsString();
        assertTrue(list.contains(RegionImportStep.FAILED_MESSAGE), list);
    }

    @Test
    void unknownJobIs404Json() throws Exception {
        var response = mvc.perform(get("/api/jobs/987654").with(user("p").roles("PLANNER"))).andReturn().getResponse();
        assertEquals(404, response.getStatus());
        JsonNode error = json.readTree(response.getContentAsString());
        assertEquals(404, error.get("status").asInt());
        assertEquals("job 987654 does not exist", error.get("message").asText());
        assertTrue(error.get("problems").isArray());
    }
}
