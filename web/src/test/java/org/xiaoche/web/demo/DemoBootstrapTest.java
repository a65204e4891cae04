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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** {@code xiaoche.demo=true} builds region, dataset, eligibility run and plan once, and never twice. */
@SpringBootTest(properties = "xiaoche.demo=true")
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
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
        assertEquals(1, count("SELECT count(*) FROM plan_adoption"), "adopted once");
    }

    /**
     * The demo plan is in force for today's term with every bus run by the demo company, and the demo
     * account {@code operator} (made after the demo, as the script may) sees it once linked.
     */
    @Test
    void theDemoPlanIsAdoptedAndTheDemoOperatorSeesIt() throws Exception {
        Job job = Fixtures.awaitFinished(jobs, bootstrap.lastJobId().orElseThrow(), Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        long planId = job.resultId();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        assertEquals(1, count("SELECT count(*) FROM plan_adoption WHERE superseded_at IS NULL AND plan_id = " + planId
                + " AND valid_from <= DATE '" + today + "' AND valid_to >= DATE '" + today + "'"), "in force today");
        assertEquals(count("SELECT count(DISTINCT bus_id) FROM plan_run WHERE plan_id = " + planId),
                count("SELECT count(*) FROM plan_bus_operator b JOIN operator_company c ON c.id = b.operator_id"
                        + " WHERE b.plan_id = " + planId + " AND c.name = '" + DemoOperator.COMPANY_NAME + "'"), "every bus");

        if (users.findByUsername(DemoOperator.ACCOUNT).isEmpty()) {
            accounts.create(DemoOperator.ACCOUNT, "demo-operator-pw", org.xiaoche.web.account.Role.OPERATOR);
        }
        operator.linkAccount();
        String plans = mvc.perform(get("/api/plans").with(user(DemoOperator.ACCOUNT).roles("OPERATOR")))
                .andReturn().getResponse().getContentAsString();
        assertTrue(plans.contains("\"id\":" + planId), plans);
    }

    @Test
    void theDemoTermIsTheHalfOfTheSchoolYearHoldingTheDay() {
        assertEquals(new DemoOperator.Term("2026—2027 学年第一学期", java.time.LocalDate.of(2026, 8, 1), java.time.LocalDate.of(2027, 1, 31)),
                DemoOperator.termOf(java.time.LocalDate.of(2026, 12, 1)));
        assertEquals(DemoOperator.termOf(java.time.LocalDate.of(2026, 12, 1)), DemoOperator.termOf(java.time.LocalDate.of(2027, 1, 31)));
        assertEquals(new DemoOperator.Term("2026—2027 学年第二学期", java.time.LocalDate.of(2027, 2, 1), java.time.LocalDate.of(2027, 7, 31)),
                DemoOperator.termOf(java.time.LocalDate.of(2027, 2, 1)));
        assertEquals("2027—2028 学年第一学期", DemoOperator.termOf(java.time.LocalDate.of(2027, 8, 1)).name());
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    DemoOperator operator;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.xiaoche.web.account.AccountService accounts;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;
}
