package org.xiaoche.web.map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * User-supplied names that are HTML (a school, a region, a dataset, roads and so the stops named after
 * them) show as text on the pages and run no script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class XssBrowserTest {

    private static final String PASSWORD = "browser-test-pw";
    private static final String SCHOOL = "<img src=x onerror=window.__xss=1>";
    private static final String REGION = "<img src=x onerror=window.__xss=2>";
    private static final String ROAD = "<img src=x onerror=window.__xss=3>";
    private static final String LANE = "<img src=x onerror=window.__xss=4>";

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

    long regionId;
    MapPage page;

    @BeforeAll
    void data() throws Exception {
        String osm = new String(WebTestSupport.fixture("region.osm"), StandardCharsets.UTF_8)
                .replace("<tag k=\"name\" v=\"村前路\"/>", "<tag k=\"name\" v=\"" + xml(ROAD) + "\"/>")
                .replace("<way id=\"101\"><nd ref=\"20\"/><nd ref=\"21\"/><tag k=\"highway\" v=\"residential\"/>",
                        "<way id=\"101\"><nd ref=\"20\"/><nd ref=\"21\"/><tag k=\"highway\" v=\"residential\"/><tag k=\"name\" v=\"" + xml(LANE) + "\"/>");
        RegionService.Created created = regions.create(REGION, "village.osm",
                new ByteArrayInputStream(osm.getBytes(StandardCharsets.UTF_8)), "setup");
        regionId = created.region().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("xss");
        Files.writeString(dir.resolve("schools.csv"), new String(WebTestSupport.fixture("schools.csv"), StandardCharsets.UTF_8)
                .replace("村小 Village School", SCHOOL));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students.csv"));
        long datasetId = datasets.importFiles(regionId, SCHOOL, "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), "setup").id();
        eligibility.compute(datasetId, PlanningPolicy.defaults(), null, ProgressListener.NONE);
        accounts.create("planner", PASSWORD, Role.PLANNER);
    }

    private static String xml(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }

    @AfterEach
    void quit() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    @Test
    void namesThatAreHtmlShowAsTextAndRunNoScript() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.await(30).until(d -> !d.findElements(By.cssSelector("#region-list tbody tr")).isEmpty());
        assertEquals(REGION, page.text("#region-list tbody tr td"), "the region's name as text in the list");
        assertNoScriptRan();

        page.browser.get("http://localhost:" + port + "/map/" + regionId);
        page.js("window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));"
                + " window.addEventListener('unhandledrejection', e => window.__errors.push('rejection ' + (e.reason && e.reason.stack || e.reason)));"
                + " document.addEventListener('securitypolicyviolation', e => window.__errors.push('csp ' + e.violatedDirective + ' ' + e.blockedURI));");
        try {
            page.awaitReady();
        } catch (RuntimeException e) {
            throw new AssertionError("map not ready: " + page.js("return JSON.stringify(window.__errors) + ' ' + location.href + ' ' + document.documentElement.outerHTML.slice(0, 1500)"), e);
        }
        assertEquals(REGION, page.text("#region-name"));
        assertEquals(1L, page.count("schools"));
        // The pointer over the school (drawn in the map's tiles) shows its name as text in a tooltip.
        page.pointerAt("m.latLngToContainerPoint(window.xiaocheMap.layers.schools.getLayers()[0].getLatLng())").perform();
        page.await(10).until(d -> !d.findElements(By.cssSelector(".leaflet-tooltip")).isEmpty());
        assertEquals(SCHOOL, page.js("return document.querySelector('.leaflet-tooltip').textContent"), "the school's name as text in its tooltip");
        assertEquals(LANE, page.js("const l = window.xiaocheMap.layers.droppedBusRoads.getLayers()[0]; l.openTooltip();"
                + " return l.getTooltip().getElement().textContent;").toString().split(" · ")[0]);
        page.browser.findElement(By.id("layer-bus-roads")).click();
        page.await(15).until(d -> page.count("busRoads") == 1);
        String busRoad = (String) page.js("const l = window.xiaocheMap.layers.busRoads.getLayers()[0]; l.openTooltip();"
                + " return l.getTooltip().getElement().textContent;");
        assertTrue(busRoad.startsWith(ROAD), busRoad);
        assertNoScriptRan();

        page.browser.findElement(By.id("plan-run")).click();
        page.await(90).until(d -> "succeeded".equals(d.findElement(By.id("job-progress")).getAttribute("data-state")));
        page.await(30).until(d -> page.js("return window.xiaocheMap.shownPlanId") != null);
        String stop = (String) page.js("const l = window.xiaocheMap.layers.stops.getLayers()[0]; l.openPopup();"
                + " return l.getPopup().getElement().textContent;");
        assertTrue(stop.contains(ROAD), "the stop named after the road, as text: " + stop);
        String route = (String) page.js("const l = window.xiaocheMap.layers.routes.getLayers()[0]; l.openPopup();"
                + " return l.getPopup().getElement().textContent;");
        assertTrue(route.contains(SCHOOL), route);
        page.browser.findElement(By.cssSelector("#route-list tbody tr")).click();
        page.await(15).until(d -> d.findElements(By.cssSelector("#timetable tbody tr")).size() >= 2);
        assertTrue(page.text("#timetable").contains(SCHOOL), page.text("#timetable"));
        assertNoScriptRan();
        page.screenshot("xss-names-as-text");
    }

    private void assertNoScriptRan() {
        assertNull(page.js("return window.__xss === undefined ? null : window.__xss"), "a name ran as script");
        assertEquals(0L, ((Number) page.js("return document.querySelectorAll('img[src=\"x\"]').length")).longValue(),
                "no name became an element");
    }
}
