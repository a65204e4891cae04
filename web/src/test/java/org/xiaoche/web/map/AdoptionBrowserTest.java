package org.xiaoche.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.openqa.selenium.WebElement;
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
import org.xiaoche.web.adoption.AdoptionService;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.operator.OperatorService;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adopting a plan and downloading its exports in a real headless Chromium: a planner adopts the
 * shown plan through the page's dialog (a bad term is refused naming the field) and downloads every
 * listed export; an operator then finds the adopted plan and downloads the operator edition, which
 * holds only its company's bus, no count of students and times to the minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class AdoptionBrowserTest {

    private static final String PASSWORD = "browser-test-pw";

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
    @Autowired
    PlanRepository plans;
    @Autowired
    AdoptionService adoptions;
    @Autowired
    OperatorService operators;
    @Autowired
    ObjectMapper json;

    long regionId;
    long planId;
    String firstBus;
    MapPage page;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村 Village", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        regionId = created.region().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("browser-adoption");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students-crowd.csv"));
        long datasetId = datasets.importFiles(regionId, "crowd", "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), "setup").id();
        planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
        firstBus = plans.runs(planId).get(0).busId();
        accounts.create("planner", PASSWORD, Role.PLANNER);
        accounts.create("operator", PASSWORD, Role.OPERATOR);
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
    void aPlannerAdoptsTheShownPlanAndDownloadsItsExports() throws Exception {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.openMapWithPlan(regionId);
        page.await(15).until(d -> "none".equals(state()));
        assertEquals("本方案尚未采用", page.text("#adoption-state"));
        page.browser.findElement(By.id("adoption-open")).click();
        fill("termName", "2026—2027 学年第一学期");
        fill("validFrom", "2026-09-01");
        fill("validTo", "2026-08-01");
        page.browser.findElement(By.cssSelector("#adoption-form button[type=submit]")).click();
        page.await(15).until(d -> page.text("#adoption-result").contains("项“validTo”"));
        fill("validTo", "2027-01-31");
        page.browser.findElement(By.cssSelector("#adoption-form button[type=submit]")).click();
        page.await(15).until(d -> "in_force".equals(state()));
        assertEquals("已采用：2026—2027 学年第一学期（2026-09-01 至 2027-01-31）", page.text("#adoption-state"));
        assertFalse(page.browser.findElement(By.id("adoption-open")).isDisplayed(), "adopted: no second adoption");
        page.screenshot("planner-adopted");

        List<WebElement> links = page.browser.findElements(By.cssSelector("#adoption-downloads a"));
        assertFalse(links.isEmpty(), "downloads are listed");
        assertTrue(links.stream().anyMatch(a -> a.getText().equals("站点与线路（GeoJSON）")), "Chinese labels");
        for (WebElement link : links) {
            Map<String, Object> download = page.download(link.getAttribute("href"));
            assertEquals(200L, ((Number) download.get("status")).longValue(), link.getAttribute("href"));
            assertTrue(((String) download.get("disposition")).startsWith("attachment"), download.toString());
        }
        JsonNode geojson = json.readTree((String) page.download(href("geojson")).get("body"));
        assertTrue(geojson.get("features").size() > 2, "stops and routes");
        assertTrue(busIds(geojson).size() >= 2, "planners get every bus: " + busIds(geojson));
        assertTrue(geojson.toString().contains("\"students\""), "planners get counts");

        // The planner gives the first bus to the operator's company (the page has no dialog for this yet).
        long adoption = adoptions.list(regionId).get(0).id();
        long company = operators.create(new OperatorService.CompanyInput("县运输公司", null, "https://county-bus.example/")).id();
        operators.addMember(company, "operator");
        adoptions.assign(adoption, new AdoptionService.BusAssignment(company, List.of(firstBus)));
    }

    @Test
    @Order(2)
    void theOperatorDownloadsTheOperatorEditionOfItsOwnBus() throws Exception {
        page = MapPage.signIn(port, "operator", PASSWORD);
        page.openMapWithPlan(regionId);
        page.await(15).until(d -> "in_force".equals(state()));
        assertEquals(Long.toString(planId), page.js("return window.xiaocheMap.shownPlanId"));
        page.await(15).until(d -> !d.findElements(By.cssSelector("#adoption-downloads a")).isEmpty());
        for (WebElement link : page.browser.findElements(By.cssSelector("#adoption-downloads a"))) {
            assertEquals(200L, ((Number) page.download(link.getAttribute("href")).get("status")).longValue(), link.getAttribute("href"));
        }
        Map<String, Object> download = page.download(href("geojson"));
        assertTrue(((String) download.get("disposition")).contains("%E6%89%BF%E8%BF%90%E7%89%88"), "the operator edition: " + download);
        String body = (String) download.get("body");
        JsonNode geojson = json.readTree(body);
        assertEquals(Set.of(firstBus), busIds(geojson), "only the operator's own bus");
        assertFalse(body.contains("\"students\"") || body.contains("\"young_pupils\""), body);
        assertFalse(body.matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*"), "times to the minute: " + body);
        page.screenshot("operator-downloads");
    }

    private String state() {
        return page.browser.findElement(By.id("adoption-state")).getAttribute("data-state");
    }

    private void fill(String name, String value) {
        WebElement input = page.browser.findElement(By.cssSelector("#adoption-form input[name=" + name + "]"));
        // Date inputs take their value as typed in the browser's locale; set it as the page's script reads it.
        ((JavascriptExecutor) page.browser).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private String href(String format) {
        return page.browser.findElement(By.cssSelector("#adoption-downloads a[data-format=" + format + "]")).getAttribute("href");
    }

    private static Set<String> busIds(JsonNode geojson) {
        Set<String> buses = new TreeSet<>();
        geojson.get("features").forEach(f -> {
            if (f.at("/properties/bus_id").isTextual()) {
                buses.add(f.at("/properties/bus_id").asText());
            }
        });
        return buses;
    }
}
