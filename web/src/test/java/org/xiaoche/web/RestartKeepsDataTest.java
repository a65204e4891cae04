package org.xiaoche.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xiaoche.web.demo.DemoBootstrap;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping and starting the service keeps regions, datasets, eligibility runs and plans. */
class RestartKeepsDataTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start(boolean demo) {
        return new SpringApplicationBuilder(XiaocheWebApplication.class).run(
                "--spring.profiles.active=test",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "--xiaoche.data-dir=" + dir.toAbsolutePath(),
                "--xiaoche.demo=" + demo,
                "--xiaoche.demo-files-dir=" + WebTestSupport.fixtureDir(),
                "--server.port=0");
    }

    private static long count(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    @Test
    void everythingStoredSurvivesARestart() throws Exception {
        long plans, runs, stops, students;
        try (ConfigurableApplicationContext first = start(true)) {
            long jobId = first.getBean(DemoBootstrap.class).lastJobId().orElseThrow();
            Job job = Fixtures.awaitFinished(first.getBean(JobRepository.class), jobId, Duration.ofSeconds(60));
            assertEquals(JobState.SUCCEEDED, job.state(), job.message());
            plans = count(first, "plan");
            runs = count(first, "eligibility_run");
            stops = count(first, "plan_stop");
            students = count(first, "student");
            assertEquals(1, plans);
            assertTrue(stops > 0 && students > 0);
        }
        try (ConfigurableApplicationContext second = start(false)) {
            assertEquals(1, count(second, "region"));
            assertEquals(1, count(second, "dataset"));
            assertEquals(students, count(second, "student"));
            assertEquals(runs, count(second, "eligibility_run"));
            assertEquals(plans, count(second, "plan"));
            assertEquals(stops, count(second, "plan_stop"));
            assertEquals(0, count(second, "job WHERE state IN ('running', 'queued')"), "nothing left running");
        }
    }
}
