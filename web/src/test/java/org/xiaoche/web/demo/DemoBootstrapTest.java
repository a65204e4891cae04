package org.xiaoche.web.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code xiaoche.demo=true} builds region, dataset, eligibility run and plan once, and never twice. */
@SpringBootTest(properties = "xiaoche.demo=true")
@ActiveProfiles("test")
class DemoBootstrapTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
        // The tiny fixture region stands in for the bundled demo county (see BundledDemoCountyTest).
        r.add("xiaoche.demo-files-dir", () -> WebTestSupport.fixtureDir().toString());
    }

    @Autowired
    DemoBootstrap bootstrap;
    @Autowired
    DemoStep demo;
    @Autowired
    JobRepository jobs;
    @Autowired
    JdbcTemplate jdbc;

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void firstStartBuildsTheDemoOnceAndAgainChangesNothing() throws Exception {
        long jobId = bootstrap.lastJobId().orElseThrow();
        Job job = Fixtures.awaitFinished(jobs, jobId, Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        assertEquals("plan", job.resultType());
        assertTrue(demo.complete());
        assertEquals(1, count("SELECT count(*) FROM region WHERE name = '" + DemoStep.REGION_NAME + "' AND state = 'ready'"));
        assertEquals(1, count("SELECT count(*) FROM dataset"));
        assertEquals(3, count("SELECT count(*) FROM student"));
        assertEquals(1, count("SELECT count(*) FROM eligibility_run"));
        assertEquals(1, count("SELECT count(*) FROM plan"));

        bootstrap.bootstrap();   // as on the next start
        assertEquals(1, count("SELECT count(*) FROM job WHERE kind = 'demo'"), "a complete demo queues no job");
        demo.run(new org.xiaoche.web.job.JobContext(0, java.util.Map.of(), org.xiaoche.routing.progress.ProgressListener.NONE));
        assertEquals(1, count("SELECT count(*) FROM region"));
        assertEquals(1, count("SELECT count(*) FROM dataset"));
        assertEquals(1, count("SELECT count(*) FROM eligibility_run"));
        assertEquals(1, count("SELECT count(*) FROM plan"));
    }
}
