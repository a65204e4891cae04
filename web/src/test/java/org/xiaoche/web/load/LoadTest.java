package org.xiaoche.web.load;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.demo.DemoBootstrap;
import org.xiaoche.web.demo.DemoStep;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.region.RegionRepository;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent signed-in viewers opening the demo plan against the service on loopback. Short here
 * (10 users for 15 s, no request may fail); {@code scripts/bench.sh load} runs 50 users for 2 minutes
 * through {@code -Dxiaoche.load.users}, {@code -Dxiaoche.load.seconds} and {@code -Dxiaoche.load.report}
 * (a Markdown file for the table). Latency is reported, never asserted (machine load varies).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xiaoche.demo=true")
@ActiveProfiles("test")
class LoadTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoBootstrap demo;
    @Autowired
    JobRepository jobs;
    @Autowired
    RegionRepository regions;
    @Autowired
    PlanRepository plans;
    @Autowired
    AccountService accounts;

    @Test
    void concurrentUsersOpenTheDemoPlanWithoutErrors() throws Exception {
        int users = Integer.getInteger("xiaoche.load.users", 10);
        int seconds = Integer.getInteger("xiaoche.load.seconds", 15);
        Job job = Fixtures.awaitFinished(jobs, demo.lastJobId().orElseThrow(), Duration.ofSeconds(300));
        assertEquals(JobState.SUCCEEDED, job.state(), job.message());
        long regionId = regions.findByName(DemoStep.REGION_NAME).orElseThrow().id();
        long planId = plans.list(regionId, null).get(0).id();

        LoadDriver driver = new LoadDriver(URI.create("http://127.0.0.1:" + port));
        List<HttpClient> sessions = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            accounts.create("load-viewer-" + u, "load-test-pw-" + u, Role.VIEWER);
            sessions.add(driver.signIn("load-viewer-" + u, "load-test-pw-" + u));
        }
        long heapBefore_mib = usedHeapAfterGc_mib();
        LoadDriver.Result result = driver.run(sessions, planId, Duration.ofSeconds(seconds));
        long heapAfter_mib = usedHeapAfterGc_mib();

        String report = String.format(Locale.ROOT, "%d signed-in viewers for %d s (%.1f s measured) on the demo plan %d: %d requests"
                        + " (%.0f per second), %d errors; heap used after a full GC %d MiB before, %d MiB after (max %d MiB).%n%n",
                users, seconds, result.wall_s(), planId, result.all().count(), result.all().count() / result.wall_s(),
                result.all().errors(), heapBefore_mib, heapAfter_mib, Runtime.getRuntime().maxMemory() >> 20)
                + LoadDriver.table(result);
        System.out.println(report);
        String reportFile = System.getProperty("xiaoche.load.report");
        if (reportFile != null && !reportFile.isBlank()) {
            Path file = Path.of(reportFile).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        }
        assertTrue(result.all().count() > users, "every user made requests: " + report);
        assertEquals(0, result.all().errors(), report);
    }

    private static long usedHeapAfterGc_mib() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
