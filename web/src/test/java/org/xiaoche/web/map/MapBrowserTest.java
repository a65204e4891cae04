package org.xiaoche.web.map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map in a real headless Chromium: a planner signs in, opens the region, runs a plan and follows
 * the progress bar, sees students, stops and routes, opens a route's timetable and switches to
 * English; a viewer gets no homes; an operator gets no student counts; a plan with a fleet shortfall
 * is shown amber, never green. The fixture village keeps a
 * plan to about a second. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class MapBrowserTest {

    private static final String PASSWORD = "browser-test-pw";
    private static final String GREEN = "rgba(46, 125, 50, 1)";
    private static final String AMBER = "rgba(255, 143, 0, 1)";

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
    EligibilityStep eligibility;
    @Autowired
    JobRepository jobs;
    @Autowired
    AccountService accounts;
    @Autowired
    PlanStep planning;
    @Autowired
    org.xiaoche.web.plan.PlanRepository plans;
    @Autowired
    org.xiaoche.web.adoption.AdoptionService adoptions;
    @Autowired
    org.xiaoche.web.operator.OperatorService operators;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;

    long regionId;
    MapPage page;
    WebDriver browser;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村 Village", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        regionId = created.region().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("browser");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students.csv"));
        long datasetId = datasets.importFiles(regionId, "d", "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), "setup").id();
        eligibility.compute(datasetId, PlanningPolicy.defaults(), null, ProgressListener.NONE);
        for (Role role : new Role[]{Role.PLANNER, Role.VIEWER, Role.OPERATOR}) {
            accounts.create(role.code(), PASSWORD, role);
        }
    }

    @AfterEach
    void quit() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    @Test
    @Order(1)
    void plannerRunsAPlanSeesItOnTheMapOpensATimetableAndSwitchesLanguage() {
        signIn("planner");
        // From the region list to the region's map, as a user goes.
        wait(30).until(d -> !d.findElements(By.cssSelector("#region-list a[href*='map/']")).isEmpty());
        browser.findElement(By.cssSelector("#region-list a[href*='map/']")).click();
        awaitMapReady();
        assertTrue(browser.findElements(By.tagName("h2")).stream().anyMatch(h -> h.getText().equals("线路列表")), "Chinese by default");
        assertTrue(count("students") >= 3, "the eligibility run's students are drawn");
        // The village's isolated lane (0.005 deg, residential) is left out of the bus and walking networks.
        assertTrue(browser.findElement(By.id("import-warnings")).isDisplayed(), "import warnings shown");
        assertEquals(List.of("校车：0.56 公里居住区道路被剔除（孤立或单向断开的路段：不设站点，校车位置不会落在这些道路上）",
                "步行：0.56 公里居住区道路与主步行网络断开"), warningLines());
        assertEquals(1L, count("droppedBusRoads"), "the lane drawn as dropped");
        assertEquals(0L, count("busRoads"), "bus-usable roads load when switched on");
        browser.findElement(By.id("layer-bus-roads")).click();
        wait(15).until(d -> count("busRoads") == 1);
        assertEquals(Boolean.TRUE, js("return window.xiaocheMap.map.hasLayer(window.xiaocheMap.layers.busRoads)"));
        browser.findElement(By.id("layer-bus-roads")).click();
        assertEquals(Boolean.FALSE, js("return window.xiaocheMap.map.hasLayer(window.xiaocheMap.layers.busRoads)"));

        browser.findElement(By.id("plan-run")).click();
        wait(90).until(d -> "succeeded".equals(d.findElement(By.id("job-progress")).getAttribute("data-state")));
        assertEquals("100", browser.findElement(By.id("job-progress-bar")).getAttribute("value"));
        wait(30).until(d -> js("return window.xiaocheMap.shownPlanId") != null);
        assertEquals(1L, count("stops"), "one stop");
        assertEquals(2L, count("routes"), "a morning and an afternoon run");
        assertEquals(6L, count("arrows"), "three direction arrows per run");
        assertEquals(1L, count("riders"), "the one student who rides");
        assertEquals("true", browser.findElement(By.id("plan-validity")).getAttribute("data-valid"));
        assertEquals("complete", browser.findElement(By.id("plan-validity")).getAttribute("data-verdict"));
        assertEquals("规则合格，覆盖完整", text("#plan-validity"));
        assertEquals(GREEN, background("#plan-validity"));
        String stopPopup = (String) js("const l = window.xiaocheMap.layers.stops.getLayers()[0]; l.openPopup();"
                + " return l.getPopup().getElement().innerText;");
        assertTrue(stopPopup.contains("站名") && stopPopup.contains("村前路"), "the stop's name: " + stopPopup);
        page.screenshot("planner-map");

        browser.findElement(By.cssSelector("#route-list tbody tr")).click();
        wait(15).until(d -> d.findElements(By.cssSelector("#timetable tbody tr")).size() >= 2);
        assertTrue(text("#timetable").contains("村小 Village School"), text("#timetable"));
        page.screenshot("planner-timetable");

        String popup = (String) js("const l = window.xiaocheMap.layers.riders.getLayers()[0]; l.openPopup();"
                + " return l.getPopup().getElement().innerText;");
        assertTrue(popup.contains("P2") && popup.matches("(?s).*\\d\\d:\\d\\d.*"), popup);
        assertFalse(popup.matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*"), "times to the minute: " + popup);

        browser.findElement(By.id("lang-switch")).click();
        awaitMapReady();
        assertTrue(browser.findElements(By.tagName("h2")).stream().anyMatch(h -> h.getText().equals("Routes")), "English after the switch");
        assertEquals("Run plan", browser.findElement(By.id("plan-run")).getText());
        assertEquals("School bus: 0.56 km of residential road left out (isolated or one-way cut-off pieces: no stops there,"
                + " no bus locations placed on them)", warningLines().get(0));
        wait(30).until(d -> js("return window.xiaocheMap.shownPlanId") != null);
        assertEquals("Rules valid, coverage complete", text("#plan-validity"));
        page.screenshot("planner-map-en");
    }

    @Test
    @Order(2)
    void viewerSeesPlanButNoHomes() {
        signIn("viewer");
        openMap();
        assertEquals(0L, count("students"));
        assertEquals(0L, count("riders"));
        assertEquals(1L, count("stops"));
        assertEquals(2L, count("routes"));
        assertTrue(browser.findElement(By.id("students-hidden")).isDisplayed());
        assertFalse(browser.findElement(By.id("plan-run")).isDisplayed(), "viewers cannot run plans");
        String planId = (String) js("return window.xiaocheMap.shownPlanId");
        assertEquals(403L, ((Number) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch('/api/plans/" + planId + "/students.geojson').then(r => done(r.status));")).longValue());
        page.screenshot("viewer-map");
    }

    @Test
    @Order(3)
    void operatorSeesRoutesStopsAndTimesButNoStudentCounts() {
        // Operators see adopted plans only: the planner's plan is adopted and its buses given to the operator's company.
        adoptForOperator(plans.list(regionId, null).get(0).id());
        signIn("operator");
        openMap();
        assertEquals(0L, count("students"));
        assertEquals(0L, count("riders"));
        assertEquals(1L, count("stops"));
        assertEquals(2L, count("routes"));
        String stopPopup = (String) js("const l = window.xiaocheMap.layers.stops.getLayers()[0]; l.openPopup();"
                + " return l.getPopup().getElement().innerText;");
        assertFalse(stopPopup.contains("学生人数"), stopPopup);
        assertTrue(stopPopup.contains("村前路"), "operators see the stop's name: " + stopPopup);
        assertTrue(stopPopup.matches("(?s).*\\d\\d:\\d\\d.*"), "times at the stop: " + stopPopup);
        assertFalse(stopPopup.matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*"), "operators get times to the minute: " + stopPopup);
        assertEquals(Boolean.TRUE, js("return window.xiaocheMap.layers.stops.getLayers()"
                + ".every(l => !('students' in l.feature.properties))"));
        assertEquals(Boolean.TRUE, js("return window.xiaocheMap.layers.routes.getLayers()"
                + ".every(l => !('students' in l.feature.properties))"));
        browser.findElement(By.cssSelector("#route-list tbody tr")).click();
        wait(15).until(d -> d.findElements(By.cssSelector("#timetable tbody tr")).size() >= 2);
        assertTrue(browser.findElement(By.id("timetable")).getAttribute("class").contains("no-counts"));
        assertTrue(browser.findElements(By.cssSelector("#timetable td.counts")).stream().allMatch(td -> td.getAttribute("textContent").isEmpty()),
                "no boarding or alighting counts");
        page.screenshot("operator-map");
    }

    private List<String> warningLines() {
        return browser.findElements(By.cssSelector("#import-warnings li")).stream().map(e -> e.getText()).toList();
    }

    /**
     * A plan with a shortfall (60 riders, a fleet of one 19-seat bus) is never shown as a plain green
     * success: planners see amber "rules valid, coverage incomplete" with the number of buses beyond
     * the fleet, in Chinese and in English; operators see the same two words without any number.
     */
    @Test
    @Order(4)
    void aPlanWithAShortfallIsShownIncompleteNotGreen() throws Exception {
        Path dir = Files.createTempDirectory("browser-crowd");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students-crowd.csv"));
        long datasetId = datasets.importFiles(regionId, "crowd", "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), "setup").id();
        long planId = planning.compute(datasetId, new Fleet(List.of(new BusType("minibus", 19, 450, 2.2, 1)), List.of()),
                PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);

        signIn("planner");
        openMap();
        assertEquals(Long.toString(planId), js("return window.xiaocheMap.shownPlanId"), "the newest plan is shown");
        assertEquals("incomplete", browser.findElement(By.id("plan-validity")).getAttribute("data-verdict"));
        assertEquals("true", browser.findElement(By.id("plan-validity")).getAttribute("data-valid"));
        String badge = text("#plan-validity");
        assertTrue(badge.matches("规则合格，覆盖不完整：超出车队 [1-9]\\d* 辆校车"), badge);
        assertNotEquals(GREEN, background("#plan-validity"), "an incomplete plan is not green");
        assertEquals(AMBER, background("#plan-validity"));
        assertTrue(text("#plan-summary").contains("超出车队的校车"), text("#plan-summary"));
        page.screenshot("planner-map-shortfall");
        browser.findElement(By.id("lang-switch")).click();
        awaitMapReady();
        wait(30).until(d -> js("return window.xiaocheMap.shownPlanId") != null);
        assertTrue(text("#plan-validity").matches("Rules valid, coverage incomplete: [1-9]\\d* buses beyond the fleet"),
                text("#plan-validity"));
        page.close();

        adoptForOperator(planId);
        signIn("operator");
        openMap();
        assertEquals("规则合格，覆盖不完整", text("#plan-validity"), "operators get no numbers");
        assertEquals(AMBER, background("#plan-validity"));
        page.screenshot("operator-map-shortfall");
    }

    /** Adopts the plan for the term (replacing the one before) and gives all its buses to user operator's company. */
    private void adoptForOperator(long planId) {
        Fixtures.adoptForOperator(adoptions, operators, accounts, users, planId, "operator", "2026-09-01", "2027-01-31");
    }

    private String background(String css) {
        return browser.findElement(By.cssSelector(css)).getCssValue("background-color");
    }

    private void signIn(String username) {
        page = MapPage.signIn(port, username, PASSWORD);
        browser = page.browser;
    }

    private void openMap() {
        page.openMapWithPlan(regionId);
    }

    private void awaitMapReady() {
        page.awaitReady();
    }

    private long count(String layer) {
        return page.count(layer);
    }

    private String text(String css) {
        return page.text(css);
    }

    private Object js(String script) {
        return page.js(script);
    }

    private WebDriverWait wait(int seconds) {
        return page.await(seconds);
    }
}
