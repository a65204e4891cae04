package org.xiaoche.web.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan summary panel in a real headless Chromium, in zh-CN: a planner sees the per-school table
 * (sorted from the keyboard), a ride histogram per grade band, a seat bar per run and the four list
 * downloads, and downloads the cap-infeasible list; the panel fits a 1024 px screen. Viewers get the
 * panel without downloads, operators no panel.
 */
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class PlanSummaryBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "summary-browser-pw";

    @Autowired
    PlanStep planning;
    @Autowired
    PlanRepository plans;
    @Autowired
    org.xiaoche.web.adoption.AdoptionService adoptions;
    @Autowired
    org.xiaoche.web.operator.OperatorService operators;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;

    long regionId;
    long planId;

    @BeforeAll
    void data() throws Exception {
        regionId = Village.importRegion(regions, jobs, "planner");
        long datasetId = Village.importRoster(datasets, regionId, "summary", "students-summary.csv", "planner");
        // A 4-minute journey cap for grades 1-3: the two young riders are cap-infeasible, so that list has rows.
        PlanningPolicy youngCap = org.xiaoche.web.Fixtures.youngJourneyCap(240);
        planId = planning.compute(datasetId, Fleet.defaults(), youngCap, null, "planner", ProgressListener.NONE);
        for (Role role : new Role[]{Role.PLANNER, Role.VIEWER, Role.OPERATOR}) {
            accounts.create(role.code(), PASSWORD, role);
        }
        org.xiaoche.web.Fixtures.adoptForOperator(adoptions, operators, accounts, users, planId, "operator", "2026-09-01", "2027-01-31");
    }

    @Test
    void aPlannerSeesTheTableTheChartsAndDownloadsAList() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.openMapWithPlan(regionId);
        page.await(30).until(d -> d.findElement(By.id("plan-summary-panel")).isDisplayed()
                && !d.findElements(By.cssSelector("#plan-school-table tbody tr")).isEmpty());
        assertEquals("方案统计", page.text("#plan-summary-panel h2"));
        assertTrue(page.text("#plan-school-table thead").contains("需校车"), page.text("#plan-school-table thead"));
        WebElement row = page.browser.findElement(By.cssSelector("#plan-school-table tbody tr[data-school-id=S1]"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        // students, walkers, needing transport, served, of them over caps, unserved, buses
        assertEquals(List.of("8", "2", "5", "5", "2", "0"), cells.subList(1, 7), cells.toString());
        assertEquals("合计", page.text("#plan-school-table tfoot th"));

        List<String> bands = page.browser.findElements(By.cssSelector("#plan-ride-histograms svg.ride-histogram")).stream()
                .map(e -> e.getAttribute("data-band")).toList();
        assertEquals(List.of("1-3", "4-6"), bands);
        assertTrue(page.text("#plan-ride-histograms").contains("1–3 年级（2 人）"), page.text("#plan-ride-histograms"));
        assertEquals(plans.runs(planId).size(), page.browser.findElements(By.cssSelector("#seat-chart rect.seat-bar")).size());

        // Sorting from the keyboard: focus a heading's button and press Enter.
        WebElement servedHeading = page.browser.findElement(By.cssSelector("#plan-school-table th[data-field=served] button"));
        servedHeading.sendKeys(Keys.ENTER);
        page.await(5).until(d -> "descending".equals(d.findElement(By.cssSelector("#plan-school-table th[data-field=served]"))
                .getAttribute("aria-sort")));

        List<WebElement> links = page.browser.findElements(By.cssSelector("#plan-lists a"));
        assertEquals(4, links.size());
        assertTrue(page.text("#plan-lists").contains("无法满足时限学生名单（CSV）"), page.text("#plan-lists"));
        Map<String, Object> download = page.download(page.browser.findElement(
                By.cssSelector("#plan-lists a[data-list=cap-infeasible][data-format=csv]")).getAttribute("href"));
        assertEquals(200L, ((Number) download.get("status")).longValue());
        assertTrue(((String) download.get("disposition")).startsWith("attachment"), download.toString());
        String body = (String) download.get("body");
        assertTrue(body.contains("学生编号,学校编号,学校,年级,站点,趟次"), body);
        assertEquals(3, body.strip().lines().count(), "a header and the two young riders: " + body);

        page.browser.manage().window().setSize(new Dimension(1024, 768));
        page.await(10).until(d -> ((Number) page.js("return document.documentElement.scrollWidth")).longValue() <= 1024);
        page.js("document.getElementById('plan-summary-panel').scrollIntoView()");
        page.screenshot("plan-summary-1024");
        page.js("document.getElementById('plan-seat-chart').scrollIntoView()");
        page.screenshot("plan-summary-seats-1024");
    }

    @Test
    void viewersGetThePanelWithoutDownloadsAndOperatorsNoPanel() {
        page = MapPage.signIn(port, "viewer", PASSWORD);
        page.openMapWithPlan(regionId);
        page.await(30).until(d -> !d.findElements(By.cssSelector("#plan-school-table tbody tr")).isEmpty());
        assertFalse(page.browser.findElement(By.id("plan-lists-box")).isDisplayed());
        assertTrue(page.browser.findElements(By.cssSelector("#plan-lists a")).isEmpty());
        page.close();

        page = MapPage.signIn(port, "operator", PASSWORD);
        page.openMapWithPlan(regionId);
        page.await(15).until(d -> d.findElement(By.id("adoption-panel")).isDisplayed());
        assertFalse(page.browser.findElement(By.id("plan-summary-panel")).isDisplayed());
    }
}
