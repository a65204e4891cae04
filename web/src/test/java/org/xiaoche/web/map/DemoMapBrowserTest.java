package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
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
import org.xiaoche.web.region.RegionRepository;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a newcomer sees after {@code scripts/demo.sh}: the service starts in demo mode on the bundled
 * county (3,000 synthetic students), builds region, eligibility and plan by itself, and the map then
 * draws every home, stop and route. Screenshot: {@code target/screenshots/demo-county.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xiaoche.demo=true")
@ActiveProfiles("test")
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class DemoMapBrowserTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoBootstrap bootstrap;
    @Autowired
    JobRepository jobs;
    @Autowired
    RegionRepository regions;
    @Autowired
    AccountService accounts;

    @Test
    void theDemoCountyShowsStudentsStopsAndRoutes() throws Exception {
        Job demo = Fixtures.awaitFinished(jobs, bootstrap.lastJobId().orElseThrow(), Duration.ofSeconds(120));
        assertEquals(JobState.SUCCEEDED, demo.state(), demo.message());
        accounts.create("planner", "demo-test-pw", Role.PLANNER);
        long regionId = regions.findByName(DemoStep.REGION_NAME).orElseThrow().id();

        try (MapPage page = MapPage.signIn(port, "planner", "demo-test-pw")) {
            page.openMapWithPlan(regionId);
            assertEquals(3000, page.count("students"));
            assertTrue(page.count("riders") > 1000, "riders: " + page.count("riders"));
            assertTrue(page.count("stops") > 10, "stops: " + page.count("stops"));
            assertTrue(page.count("routes") > 20, "routes: " + page.count("routes"));
            assertEquals(3 * page.count("routes"), page.count("arrows"));
            assertEquals("true", page.browser.findElement(org.openqa.selenium.By.id("plan-validity")).getAttribute("data-valid"));
            assertEquals(false, page.browser.findElement(org.openqa.selenium.By.id("import-warnings")).isDisplayed(),
                    "the demo county loses no road at import, so there is nothing to warn about");
            assertEquals(0L, page.count("droppedBusRoads"));
            // Green only for a complete plan: the badge follows the plan's coverage, whatever the demo's is.
            Object complete = ((org.openqa.selenium.JavascriptExecutor) page.browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch('/api/plans/' + window.xiaocheMap.shownPlanId)"
                            + ".then(r => r.json()).then(p => done(p.coverageComplete));");
            var badge = page.browser.findElement(org.openqa.selenium.By.id("plan-validity"));
            assertEquals(Boolean.TRUE.equals(complete) ? "complete" : "incomplete", badge.getAttribute("data-verdict"));
            assertEquals(Boolean.TRUE.equals(complete), badge.getCssValue("background-color").equals("rgba(46, 125, 50, 1)"),
                    "green exactly when coverage is complete: " + badge.getText());
            page.screenshot("demo-county");
        }
    }
}
