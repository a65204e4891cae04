package org.xiaoche.web.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
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
class JobLifecycleTest {

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
                    throw new IllegalStateException("the engine said no");
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

    @Test
    void runningJobReportsProgressAndStopsWhenCancelled() throws Exception {
        long id = jobs.submit("test-wait", Map.of(), "t").id();
        Fixtures.awaitState(repository, id, Duration.ofSeconds(20), JobState.RUNNING);
        Thread.sleep(JobProgress.WRITE_INTERVAL_MS * 2);
        JsonNode view = json.readTree(mvc.perform(get("/api/jobs/" + id).with(user("v").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString());
        assertEquals("running", view.get("state").asText());
        assertEquals("waiting", view.get("stage").asText());
        assertEquals("test-instance", repository.findById(id).orElseThrow().worker());

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
    void failingStepFailsTheJobWithItsMessage() throws Exception {
        long id = jobs.submit("test-fail", Map.of(), "t").id();
        Job failed = Fixtures.awaitFinished(repository, id, Duration.ofSeconds(20));
        assertEquals(JobState.FAILED, failed.state());
        assertEquals("the engine said no", failed.message());
        assertTrue(failed.percent() < 100);
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
