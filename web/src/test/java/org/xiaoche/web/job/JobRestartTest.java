package org.xiaoche.web.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xiaoche.web.XiaocheWebApplication;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job cut off when its process died is marked failed "interrupted by restart" when that instance
 * starts again, never left running; another instance's running job is left alone.
 */
class JobRestartTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(XiaocheWebApplication.class).run(
                "--spring.profiles.active=test",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "--xiaoche.data-dir=" + dir.toAbsolutePath(),
                "--xiaoche.instance-name=node-1",
                "--server.port=0");
    }

    @Test
    void restartMarksThisInstancesRunningJobsInterrupted() {
        long ours;
        long theirs;
        try (ConfigurableApplicationContext first = start()) {
            JobRepository jobs = first.getBean(JobRepository.class);
            // The state a crash leaves behind: rows claimed as running, and no process running them.
            ours = jobs.insert("eligibility", Map.of("datasetId", "1"), "t");
            assertTrue(jobs.claim(ours, "node-1"));
            theirs = jobs.insert("eligibility", Map.of("datasetId", "1"), "t");
            assertTrue(jobs.claim(theirs, "node-2"));
        }
        try (ConfigurableApplicationContext second = start()) {
            JobRepository jobs = second.getBean(JobRepository.class);
            Job interrupted = jobs.findById(ours).orElseThrow();
            assertEquals(JobState.FAILED, interrupted.state());
            assertEquals(JobScheduling.INTERRUPTED_BY_RESTART, interrupted.message());
            assertNotNull(interrupted.finishedAt());
            assertEquals(JobState.RUNNING, jobs.findById(theirs).orElseThrow().state(), "node-2 may still be running it");
        }
    }
}
