package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenario page in a real headless Chromium: a planner opens it from the map's header, clicks the
 * teaching point on the map, closes it into the village school with a 2-minute cap for young pupils,
 * saves and runs it with the progress bar, and sees the comparison: the 应留必留 warning first, the
 * numbers with their differences, a histogram per grade band, the cost bars and the moved students.
 * Screenshot: {@code target/screenshots/scenario-comparison.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class ScenarioBrowserTest {

    private static final String PASSWORD = "scenario-browser-pw";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    RegionService regions;
    @Autowired
    DatasetService datasets;
    @Autowired
    JobRepository jobs;
    @Autowired
    AccountService accounts;
    @Autowired
    PlanStep planning;

    /** A region of the village with a baseline plan of the given roster; returns the region's id. */
    private long regionWithPlan(String schools, String students) throws Exception {
        return regionWithPlan(schools, WebTestSupport.fixture(students));
    }

    private long regionWithPlan(String schools, byte[] students) throws Exception {
        RegionService.Created created = regions.create("村 Village", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        long regionId = created.region().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("scenario-browser");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture(schools));
        Files.write(dir.resolve("students.csv"), students);
        long datasetId = datasets.importFiles(regionId, "d", "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"),
                "setup").id();
        planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
        if (accounts.list().stream().noneMatch(u -> u.username().equals("planner"))) {
            accounts.create("planner", PASSWORD, Role.PLANNER);
        }
        return regionId;
    }

    @Test
    void theOptimisersTradeOffIsAChartWhosePointsOpenTheirScenarios() throws Exception {
        // The village school with 100 more pupils who live beside it: not a small school, so the five teaching
        // points are the candidates and it receives them.
        StringBuilder students = new StringBuilder(new String(WebTestSupport.fixture("layout-students.csv"), StandardCharsets.UTF_8));
        for (int i = 0; i < 100; i++) {
            students.append("W").append(i).append(",S1,").append(1 + i % 6).append(",0.0003,0.0001\n");
        }
        long regionId = regionWithPlan("layout-schools.csv", students.toString().getBytes(StandardCharsets.UTF_8));
        try (MapPage page = MapPage.signIn(port, "planner", PASSWORD)) {
            page.browser.get("http://localhost:" + port + "/scenarios/" + regionId);
            page.await(60).until(d -> "true".equals(d.findElement(By.id("scenario-page")).getAttribute("data-ready")));
            assertTrue(page.text("#pareto").contains("还没有优化结果"), "no optimisation yet: " + page.text("#pareto"));
            page.browser.findElement(By.id("layout-run")).click();
            page.await(600).until(d -> !d.findElements(By.cssSelector("#pareto-chart circle.pareto-point")).isEmpty());
            List<WebElement> points = page.browser.findElements(By.cssSelector("#pareto-chart circle.pareto-point"));
            assertTrue(points.size() >= 2, "a trade-off, not one answer: " + points.size() + " points; " + page.js(
                    "return fetch('/api/layouts').then(r => r.text())"));
            for (WebElement point : points) {
                String title = point.findElement(By.tagName("title")).getAttribute("textContent");
                assertTrue(title.contains("元") && title.contains("分钟"), "each point says its cost and journeys: " + title);
            }
            WebElement opened = points.stream().filter(p -> !p.getAttribute("data-scenario-id").isEmpty()).findFirst()
                    .orElseThrow(() -> new AssertionError("no point with a re-planned scenario"));
            String scenarioId = opened.getAttribute("data-scenario-id");
            new org.openqa.selenium.interactions.Actions(page.browser).moveToElement(opened).click().perform();
            page.await(60).until(d -> scenarioId.equals(d.findElement(By.id("scenario-page")).getAttribute("data-compared-ids")));
            assertTrue(page.browser.findElement(By.id("comparison")).isDisplayed());
            assertTrue(page.browser.findElement(By.id("report-link")).getAttribute("href").endsWith("/scenarios/" + scenarioId + "/report.pdf"));
            page.screenshot("scenario-pareto");
        }
    }

    @Test
    void plannerBuildsRunsAndComparesAScenario() throws Exception {
        long regionId = regionWithPlan("scenario-schools.csv", "scenario-students.csv");

        try (MapPage page = MapPage.signIn(port, "planner", PASSWORD)) {
            page.browser.get("http://localhost:" + port + "/map/" + regionId);
            page.await(30).until(d -> !d.findElements(By.id("nav-scenarios")).isEmpty());
            page.browser.findElement(By.id("nav-scenarios")).click();
            page.await(60).until(d -> "true".equals(d.findElement(By.id("scenario-page")).getAttribute("data-ready")));
            assertEquals("撤并方案与比较", page.text("h1"), "Chinese first");
            assertEquals(2L, ((Number) page.js("return window.xiaocheScenarios.layers.schools.getLayers().length")).longValue());

            // Click the teaching point on the map, close it, and send its pupils to the village school.
            page.js("window.xiaocheScenarios.layers.schools.eachLayer(l => { if (l.feature.properties.school_id === 'S2') l.fire('click'); })");
            page.await(5).until(d -> d.findElement(By.id("school-choice")).isDisplayed());
            assertTrue(page.text("#school-choice-name").contains("东头教学点"));
            page.browser.findElement(By.id("school-close")).click();
            WebElement receiving = page.browser.findElement(By.cssSelector("#closure-list tr[data-school-id='S2'] select"));
            new Select(receiving).selectByValue("S1");
            page.browser.findElement(By.id("scenario-name")).sendKeys("撤并东头教学点");
            page.browser.findElement(By.id("young-cap-min")).sendKeys("2");
            page.browser.findElement(By.id("scenario-save-run")).click();

            page.await(120).until(d -> d.findElement(By.id("comparison")).isDisplayed());
            assertEquals("succeeded", page.browser.findElement(By.id("job-progress")).getAttribute("data-state"),
                    "the run was followed on the progress bar");
            assertTrue(page.browser.findElement(By.id("job-progress")).isDisplayed());

            // Warnings first: the 应留必留 infeasibility leads.
            List<WebElement> warnings = page.browser.findElements(By.cssSelector("#scenario-warnings li"));
            assertTrue(!warnings.isEmpty());
            assertEquals("YOUNG_OVER_CAP", warnings.get(0).getAttribute("data-kind"));
            assertTrue(warnings.get(0).getText().contains("应留必留"), warnings.get(0).getText());
            assertTrue(warnings.get(0).getText().contains("2 名"), warnings.get(0).getText());

            // The numbers with differences (worked by hand: 1 → 4 needing transport, 4 → 1 walkers).
            assertEquals(List.of("需要接送的学生", "1", "4", "+3"), cells(page, "needingTransport"));
            assertEquals(List.of("步行上学的学生", "4", "1", "-3"), cells(page, "walkers"));
            assertTrue(page.text("#scenario-list").contains("不可行"), page.text("#scenario-list"));

            // A histogram per grade band, its bars counting every journey of the band.
            List<WebElement> charts = page.browser.findElements(By.cssSelector("#histograms svg.histogram"));
            assertEquals(List.of("1-3", "4-6"), charts.stream().map(c -> c.getAttribute("data-band")).toList());
            Number young = (Number) page.js("return [...document.querySelectorAll('#histograms svg[data-band=\"1-3\"] rect')]"
                    + ".slice(0).reduce((n, r, i) => n + (i % 2 === 1 ? Number(r.dataset.count) : 0), 0)");
            assertEquals(3, young.intValue(), "scenario bars of grades 1-3: P1 walks, Q1 and Q2 ride");
            assertEquals(6L, (long) page.browser.findElements(By.cssSelector("#cost-chart rect[data-part]")).size(),
                    "three cost parts for the baseline and the scenario");
            assertEquals(3L, ((Number) page.js("return window.xiaocheScenarios.layers.affected.getLayers().length")).longValue());
            assertTrue(((Number) page.js("return window.xiaocheScenarios.layers.routes.getLayers().length")).longValue() > 0);
            assertTrue(page.browser.findElement(By.id("report-link")).getAttribute("href").endsWith("/report.pdf"));
            page.screenshot("scenario-comparison");
        }
    }

    private static List<String> cells(MapPage page, String figure) {
        return page.browser.findElements(By.cssSelector("#comparison-table tr[data-figure='" + figure + "'] td")).stream()
                .map(WebElement::getText).toList();
    }
}
