package org.xiaoche.web.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.WebTestSupport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs at the moments where two things happen at once: a cancel as the job starts, and a database that
 * fails while a job's end is written. Each interleaving is forced by a repository that does the other
 * party's step at exactly the wrong moment, so the tests do not depend on timing.
 */
@SpringBootTest
@ActiveProfiles("test")
class JobRaceTest {

    static final AtomicInteger RUNS = new AtomicInteger();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    /** A step that would store a result: counts its runs. */
    @TestConfiguration
    static class Steps {
        @Bean
        JobStep storingStep() {
            return new JobStep() {
                @Override
                public String kind() {
                    return "test-store";
                }

                @Override
                public JobResult run(JobContext context) {
                    RUNS.incrementAndGet();
                    return new JobResult("thing", 1L);
                }
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ObjectProvider<JobStep> steps;
    @Autowired
    Instances instances;
    @Autowired
    JobUploads uploads;
    @Autowired
    Scheduler scheduler;
    @Autowired
    OneTimeTask<Long> jobTask;

    private JobRunner runner(JobRepository repository) {
        JobRunner runner = new JobRunner(repository, steps, instances, uploads);
        runner.recordRetry_ms = new long[]{1, 1};
        return runner;
    }

    @Test
    void aCancelThatComesJustAfterTheClaimStopsTheJobBeforeItRuns() {
        JobRepository repository = new JobRepository(jdbc, json) {
            @Override
            public boolean claim(long id, String worker) {
                boolean claimed = super.claim(id, worker);
                // A planner presses cancel right now: the job is running, so cancel is a request.
                assertTrue(new JobService(new JobRepository(jdbc, json), null, scheduler, jobTask, uploads)
                        .cancel(id).cancelRequested());
                return claimed;
            }
        };
        long id = repository.insert("test-store", Map.of(), "t");
        int before = RUNS.get();
        runner(repository).run(id);
        assertEquals(before, RUNS.get(), "the step never ran, so it stored nothing");
        assertEquals(JobState.CANCELLED, repository.findById(id).orElseThrow().state());
    }

    @Test
    void aJobClaimedWhileCancelReadsItIsAskedToStopNotMarkedCancelledWhileItRuns() {
        JobRepository plain = new JobRepository(jdbc, json);
        long id = plain.insert("test-store", Map.of(), "t");
        JobRepository claimedMeanwhile = new JobRepository(jdbc, json) {
            private boolean done;

            @Override
            public Optional<Job> findById(long jobId) {
                Optional<Job> seen = super.findById(jobId);
                if (!done) {
                    // Cancel has read the job as queued; a runner claims it before cancel writes.
                    done = true;
                    assertTrue(super.claim(jobId, "runner-elsewhere"));
                }
                return seen;
            }
        };
        new JobService(claimedMeanwhile, null, scheduler, jobTask, uploads).cancel(id);
        Job job = plain.findById(id).orElseThrow();
        assertEquals(JobState.RUNNING, job.state(), "it runs on; it must not look cancelled while it may still store a result");
        assertTrue(job.cancelRequested(), "it is asked to stop at its next report");
    }

    @Test
    void aDatabaseErrorWhileRecordingTheEndLeavesNoJobRunning() {
        AtomicInteger failures = new AtomicInteger(2);
        JobRepository flaky = new JobRepository(jdbc, json) {
            @Override
            public boolean finish(long id, JobState state, String message, JobResult result) {
                if (failures.getAndDecrement() > 0) {
                    throw new DataAccessResourceFailureException("connection reset");
                }
                return super.finish(id, state, message, result);
            }
        };
        long id = flaky.insert("test-store", Map.of(), "t");
        runner(flaky).run(id);
        assertEquals(JobState.SUCCEEDED, flaky.findById(id).orElseThrow().state());

        // The database stays down for every attempt: the error goes to the queue, which delivers the job
        // again; then the job is failed with the reason, not left running.
        failures.set(100);
        long lost = flaky.insert("test-store", Map.of(), "t");
        JobRunner runner = runner(flaky);
        assertThrows(DataAccessResourceFailureException.class, () -> runner.run(lost));
        assertEquals(JobState.RUNNING, flaky.findById(lost).orElseThrow().state());
        failures.set(0);
        runner.run(lost);
        Job failed = flaky.findById(lost).orElseThrow();
        assertEquals(JobState.FAILED, failed.state());
        assertEquals(JobRunner.END_NOT_RECORDED, failed.message());
    }
}
