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
import org.openqa.selenium.chromium.HasCdp;
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
import org.xiaoche.web.TestClock;
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
import java.util.ArrayList;
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
    @Autowired
    TestClock clock;

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
        page.await(15).until(d -> page.text("#adoption-result").contains("项“截止日期”"));
        assertTrue(page.text("#adoption-result").contains("学期最后一天 2026-08-01 早于第一天 2026-09-01"), page.text("#adoption-result"));
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
            if (link.getAttribute("data-job") != null) {
                continue;
            }
            Map<String, Object> download = page.download(link.getAttribute("href"));
            assertEquals(200L, ((Number) download.get("status")).longValue(), link.getAttribute("href"));
            assertTrue(((String) download.get("disposition")).startsWith("attachment"), download.toString());
        }
        JsonNode geojson = json.readTree((String) page.download(href("geojson")).get("body"));
        assertTrue(geojson.get("features").size() > 2, "stops and routes");
        assertTrue(busIds(geojson).size() >= 2, "planners get every bus: " + busIds(geojson));
        assertTrue(geojson.toString().contains("\"students\""), "planners get counts");

        // The PDFs are made as jobs: the link starts one, the job box follows it, and the browser saves the file.
        assertEquals(Set.of("driver-sheets", "notices", "permit", "riders"), new TreeSet<>(links.stream()
                .filter(a -> a.getAttribute("data-job") != null).map(a -> a.getAttribute("data-format")).toList()));
        assertTrue(page.browser.findElement(By.id("adoption-download-hint")).isDisplayed(), "the page says PDFs are made in the background");
        String sheets = pdfText(downloadThroughJob("driver-sheets"));
        assertTrue(sheets.contains("校车行车单"), sheets);
        allBuses().forEach(bus -> assertTrue(sheets.contains("车辆 " + bus), "every bus for planners: " + bus));
    }

    /**
     * The planner keeps the companies and gives each bus to one in the page: a company with a bad address
     * is refused naming the field in Chinese, one is renamed, the operator account joins the other, the
     * table gives every bus to the renamed company at once and then the first bus to the operator's
     * company, and what is saved is what the service stores and what the page shows again.
     */
    @Test
    @Order(2)
    void aPlannerGivesEachBusToACompanyInThePage() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.openMapWithPlan(regionId);
        page.await(15).until(d -> "in_force".equals(state()));
        page.browser.findElement(By.cssSelector("#operator-companies summary")).click();
        addCompany("县运输公司", "0535-1234567", "ftp://county-bus.example/", "refused");
        assertTrue(page.text("#company-result").contains("表单，项“网址”：须为以 http:// 或 https:// 开头的网址"),
                page.text("#company-result"));
        addCompany("县运输公司", "0535-1234567", "https://county-bus.example/", "saved");
        addCompany("镇公交站", "", "https://town-bus.example/", "saved");
        WebElement town = companyRow("镇公交站");
        WebElement name = town.findElement(By.cssSelector("input[name=name]"));
        name.clear();
        name.sendKeys("镇公交公司");
        companyAction(town.findElement(By.className("save-company")), "saved");
        assertTrue(companyRow("镇公交站") == null && companyRow("镇公交公司") != null, "renamed");
        WebElement county = companyRow("县运输公司");
        county.findElement(By.cssSelector("input[name=member]")).sendKeys("operator");
        companyAction(county.findElement(By.className("add-member")), "saved");
        assertEquals(1, companyRow("县运输公司").findElements(By.cssSelector("button.member[data-username=operator]")).size());

        page.browser.findElement(By.cssSelector("#adoption-buses summary")).click();
        new Select(page.browser.findElement(By.id("adoption-bus-all"))).selectByVisibleText("镇公交公司");
        page.browser.findElement(By.id("adoption-bus-all-apply")).click();
        new Select(page.browser.findElement(By.cssSelector("#adoption-bus-table tr[data-bus-id='" + firstBus + "'] select")))
                .selectByVisibleText("县运输公司");
        page.browser.findElement(By.id("adoption-bus-save")).click();
        page.await(15).until(d -> "saved".equals(attribute("#adoption-bus-result", "data-state")));
        int buses = allBuses().size();
        assertEquals("已保存：" + buses + " 辆校车中 " + buses + " 辆已指定承运单位", page.text("#adoption-bus-result"));
        page.screenshot("planner-buses-to-companies");

        long adoption = adoptions.list(regionId).get(0).id();
        Map<String, String> stored = new java.util.TreeMap<>();
        adoptions.buses(adoption).forEach(b -> stored.put(b.busId(), b.operatorName()));
        Map<String, String> expected = new java.util.TreeMap<>();
        allBuses().forEach(b -> expected.put(b, b.equals(firstBus) ? "县运输公司" : "镇公交公司"));
        assertEquals(expected, stored, "the table as saved");
        long company = operators.list().stream().filter(c -> c.name().equals("县运输公司")).findFirst().orElseThrow().id();
        assertEquals(List.of("operator"), operators.members(company));

        // Shown again as stored after a reload.
        page.openMapWithPlan(regionId);
        page.await(15).until(d -> "in_force".equals(state()));
        page.browser.findElement(By.cssSelector("#adoption-buses summary")).click();
        page.await(15).until(d -> !d.findElements(By.cssSelector("#adoption-bus-table tbody tr")).isEmpty());
        for (String bus : allBuses()) {
            assertEquals(expected.get(bus), new Select(page.browser.findElement(By.cssSelector(
                    "#adoption-bus-table tr[data-bus-id='" + bus + "'] select"))).getFirstSelectedOption().getText(), bus);
        }
    }

    @Test
    @Order(3)
    void theOperatorSeesOnlyItsOwnBusAndDownloadsItsOperatorEdition() throws Exception {
        page = MapPage.signIn(port, "operator", PASSWORD);
        page.openMapWithPlan(regionId);
        page.await(15).until(d -> "in_force".equals(state()));
        assertEquals(Long.toString(planId), page.js("return window.xiaocheMap.shownPlanId"));
        assertTrue(allBuses().size() >= 2, "the crowd needs several buses: " + allBuses());
        assertEquals(List.of(firstBus), page.js("return [...new Set(Object.values(window.xiaocheMap.state.runsById)"
                + ".map(r => r.busId))].sort()"), "the map shows the operator's one bus");
        assertFalse(page.browser.findElement(By.id("adoption-buses")).isDisplayed(), "operators do not see who runs the others");
        assertFalse(page.browser.findElement(By.id("operator-companies")).isDisplayed());
        page.await(15).until(d -> !d.findElements(By.cssSelector("#adoption-downloads a")).isEmpty());
        for (WebElement link : page.browser.findElements(By.cssSelector("#adoption-downloads a:not([data-job])"))) {
            assertEquals(200L, ((Number) page.download(link.getAttribute("href")).get("status")).longValue(), link.getAttribute("href"));
        }
        String sheets = pdfText(downloadThroughJob("driver-sheets"));
        assertTrue(sheets.contains("车辆 " + firstBus), sheets);
        allBuses().stream().filter(bus -> !bus.equals(firstBus))
                .forEach(bus -> assertFalse(sheets.contains("车辆 " + bus), "another company's bus " + bus));
        plans.students(planId).forEach(s -> assertFalse(sheets.contains(s.studentId()), "a student id: " + s.studentId()));
        Map<String, Object> download = page.download(href("geojson"));
        assertTrue(((String) download.get("disposition")).contains("%E6%89%BF%E8%BF%90%E7%89%88"), "the operator edition: " + download);
        String body = (String) download.get("body");
        JsonNode geojson = json.readTree(body);
        assertEquals(Set.of(firstBus), busIds(geojson), "only the operator's own bus");
        assertFalse(body.contains("\"students\"") || body.contains("\"young_pupils\""), body);
        assertFalse(body.matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*"), "times to the minute: " + body);
        page.screenshot("operator-downloads");
    }

    /**
     * Once the term is over the adoption is history: the planner's panel and history say 已到期, the bus table
     * is gone, and the operator finds no plan any more.
     */
    @Test
    @Order(4)
    void afterItsTermTheAdoptionIsExpiredHistory() {
        clock.setToday(java.time.LocalDate.of(2027, 2, 1));
        try {
            page = MapPage.signIn(port, "planner", PASSWORD);
            page.openMapWithPlan(regionId);
            page.await(15).until(d -> "expired".equals(state()));
            assertEquals("已到期：2026—2027 学年第一学期（2026-09-01 至 2027-01-31）", page.text("#adoption-state"));
            assertFalse(page.browser.findElement(By.id("adoption-buses")).isDisplayed(), "no buses to give in an expired term");
            assertTrue(page.browser.findElement(By.id("adoption-open")).isDisplayed(), "the plan may be adopted again");
            page.browser.findElement(By.cssSelector("#adoption-history summary")).click();
            WebElement item = page.browser.findElement(By.cssSelector("#adoption-history-list li[data-state=expired]"));
            assertEquals("已到期：2026—2027 学年第一学期（2026-09-01 至 2027-01-31） · 方案 " + planId, item.getText());
            page.screenshot("planner-expired");
            page.close();

            page = MapPage.signIn(port, "operator", PASSWORD);
            page.browser.get("http://localhost:" + port + "/map/" + regionId);
            page.awaitReady();
            assertEquals("[]", page.download("/api/plans").get("body"), "nothing in force for the operator");
            assertEquals(0L, ((Number) page.js("return document.querySelectorAll('#plan-select option').length")).longValue());
        } finally {
            clock.reset();
        }
    }

    private String state() {
        return page.browser.findElement(By.id("adoption-state")).getAttribute("data-state");
    }

    /**
     * Clicks a download made as a job and returns the file the browser saved once the job box says it
     * succeeded; the server then has it no more (a second fetch is 410).
     */
    private Path downloadThroughJob(String format) throws Exception {
        Path downloads = Files.createTempDirectory("adoption-downloads");
        ((HasCdp) page.browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        WebElement link = page.browser.findElement(By.cssSelector("#adoption-downloads a[data-format='" + format + "']"));
        link.click();
        page.await(60).until(d -> link.getAttribute("data-job-id") != null
                && "succeeded".equals(d.findElement(By.id("job-progress")).getAttribute("data-state")));
        page.screenshot(format + "-job-done");
        Path file = page.await(30).until(d -> {
            try (var list = Files.list(downloads)) {
                return list.filter(f -> f.getFileName().toString().endsWith("-" + format + ".pdf")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        page.await(10).until(d -> link.getAttribute("data-downloaded") != null);
        assertEquals(410L, ((Number) page.download("/api/export-files/" + link.getAttribute("data-job-id")).get("status")).longValue(),
                "downloaded once, then gone from the server");
        return file;
    }

    private static String pdfText(Path pdf) throws Exception {
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), pdf.toString());
        try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private String attribute(String css, String name) {
        return page.browser.findElement(By.cssSelector(css)).getAttribute(name);
    }

    private List<String> allBuses() {
        return new ArrayList<>(new TreeSet<>(plans.runs(planId).stream().map(PlanRepository.RunRow::busId).toList()));
    }

    private void addCompany(String name, String phone, String url, String outcome) {
        WebElement form = page.browser.findElement(By.id("company-new"));
        for (Map.Entry<String, String> field : Map.of("name", name, "phone", phone, "url", url).entrySet()) {
            WebElement input = form.findElement(By.name(field.getKey()));
            input.clear();
            input.sendKeys(field.getValue());
        }
        companyAction(form.findElement(By.cssSelector("button[type=submit]")), outcome);
    }

    /** Clicks a button of the companies' part and waits until the page says it was saved or refused. */
    private void companyAction(WebElement button, String outcome) {
        page.js("document.getElementById('company-result').removeAttribute('data-state')");
        button.click();
        page.await(15).until(d -> attribute("#company-result", "data-state") != null);
        assertEquals(outcome, attribute("#company-result", "data-state"), page.text("#company-result"));
    }

    /** The companies table's row whose name field holds {@code name}; null when there is none. */
    private WebElement companyRow(String name) {
        // Looked up in the page in one go: the table is drawn anew after every change.
        return (WebElement) page.js("return [...document.querySelectorAll('#company-table tbody tr')]"
                + ".find(tr => tr.querySelector('input[name=name]').value === '" + name + "') || null");
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
