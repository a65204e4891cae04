package org.xiaoche.web.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.dataset.DatasetRepository;
import org.xiaoche.web.eligibility.EligibilityRunRepository;
import org.xiaoche.web.plan.Plan;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.region.RegionRepository;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's workbench on two rosters of one village: the actions work on the roster that is
 * selected, not the last uploaded one; the map shows one roster with its own eligibility run and plan;
 * pickers name rosters and plans with their time and author; a plan lists the roster, fleet and policy
 * it was made from; rosters, plans and regions are deleted only after a confirmation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class WorkbenchBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "workbench-test-pw";

    @Autowired
    RegionRepository regionRows;
    @Autowired
    DatasetRepository datasetRows;
    @Autowired
    EligibilityRunRepository runs;
    @Autowired
    PlanRepository plans;

    long regionId;
    long baselineId;
    long mergerId;
    WebDriver browser;

    @BeforeAll
    void data() throws Exception {
        regionId = Village.importRegion(regions, jobs, "planner");
        // The baseline first, the merger last: the old page planned the last upload whatever was selected.
        baselineId = Village.importRoster(datasets, regionId, "基线 baseline", "students.csv", "planner");
        mergerId = Village.importRoster(datasets, regionId, "合并 merger", "students-crowd.csv", "planner");
        accounts.create("planner", PASSWORD, Role.PLANNER);
    }

    @Test
    @Order(1)
    void eligibilityAndPlanUseTheSelectedRosterAndTheMapShowsThemTogether() {
        signIn();
        page.browser.get("http://localhost:" + port + "/map/" + regionId);
        page.awaitReady();
        Select roster = new Select(browser.findElement(By.id("dataset-select")));
        assertEquals(2, roster.getOptions().size());
        assertEquals(Long.toString(mergerId), roster.getFirstSelectedOption().getAttribute("value"), "no plan yet: the newest roster");
        String mergerLabel = roster.getFirstSelectedOption().getText();
        assertTrue(mergerLabel.startsWith("合并 merger · 1 所学校、60 名学生 · ") && mergerLabel.endsWith(" · planner"), mergerLabel);

        roster.selectByValue(Long.toString(baselineId));
        page.await(30).until(d -> Long.valueOf(baselineId).equals(number("window.xiaocheMap.shownDatasetId")));
        browser.findElement(By.id("run-eligibility")).click();
        awaitJob();
        page.await(30).until(d -> js("return window.xiaocheMap.shownRun") != null);
        assertEquals(List.of(baselineId), runs.list(regionId, null).stream().map(r -> r.datasetId()).toList(),
                "eligibility of the selected roster");
        assertEquals(baselineId, number("window.xiaocheMap.shownRun.datasetId"));
        assertEquals(3L, page.count("students"), "the baseline's three students, not the merger's sixty");

        browser.findElement(By.id("plan-run")).click();
        awaitJob();
        page.await(60).until(d -> js("return window.xiaocheMap.shownPlanId") != null);
        List<Plan> made = plans.list(regionId, null);
        assertEquals(1, made.size());
        assertEquals(baselineId, made.get(0).datasetId(), "the plan is of the selected roster");
        assertEquals(baselineId, number("window.xiaocheMap.shownPlan.datasetId"));
        assertEquals(baselineId, number("window.xiaocheMap.shownRun.datasetId"), "homes and routes of the same roster");
        assertEquals(1L, page.count("riders"));
        String planLabel = new Select(browser.findElement(By.id("plan-select"))).getFirstSelectedOption().getText();
        assertTrue(planLabel.startsWith("#" + made.get(0).id() + " · 规则合格") && planLabel.endsWith(" · planner"), planLabel);

        // The plan's inputs: its roster, the fleet and the policy it was made with.
        browser.findElement(By.cssSelector("#plan-inputs-panel summary")).click();
        String inputs = page.text("#plan-inputs");
        assertTrue(inputs.contains("基线 baseline (#" + baselineId + ")"), inputs);
        assertTrue(inputs.contains("56 座 × 100 辆（每日 800 元，每公里 3.5 元）"), inputs);
        assertTrue(inputs.contains("步行上学阈值（米）\n2000"), inputs);
        assertTrue(inputs.contains("居住区道路"), "road classes by their Chinese names: " + inputs);
        page.screenshot("workbench-plan-inputs");

        // The other roster has no run and no plan: nothing of the baseline stays on the map.
        roster.selectByValue(Long.toString(mergerId));
        page.await(30).until(d -> Long.valueOf(mergerId).equals(number("window.xiaocheMap.shownDatasetId")));
        page.await(30).until(d -> browser.findElement(By.id("no-plan")).isDisplayed());
        assertEquals(0L, page.count("students"));
        assertEquals(0L, page.count("routes"));
        assertEquals(0L, page.count("riders"));
        assertEquals(null, js("return window.xiaocheMap.shownPlanId"));
        assertTrue(browser.findElements(By.cssSelector("#route-list tbody tr")).isEmpty());
    }

    @Test
    @Order(2)
    void theMapOpensOnTheRosterOfTheNewestPlan() {
        signIn();
        page.openMapWithPlan(regionId);
        assertEquals(Long.toString(baselineId), new Select(browser.findElement(By.id("dataset-select")))
                .getFirstSelectedOption().getAttribute("value"));
        assertEquals(baselineId, number("window.xiaocheMap.shownRun.datasetId"));
        // A 1024 px screen: the page fits its width, the wide tables scroll inside the side column.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 768));
        page.await(10).until(d -> ((Number) js("return document.documentElement.scrollWidth")).longValue() <= 1024);
        page.screenshot("workbench-1024");
    }

    @Test
    @Order(3)
    void plansAndRostersAreDeletedOnlyAfterConfirmation() {
        signIn();
        page.openMapWithPlan(regionId);
        long planId = Long.parseLong((String) js("return window.xiaocheMap.shownPlanId"));
        browser.findElement(By.id("plan-delete")).click();
        WebElement dialog = page.await(10).until(d -> d.findElement(By.id("confirm-dialog")));
        assertTrue(dialog.isDisplayed());
        assertTrue(dialog.getText().contains("删除规划方案 #" + planId), dialog.getText());
        browser.findElement(By.id("confirm-cancel")).click();
        assertTrue(plans.findById(planId).isPresent(), "cancelled: the plan stays");
        browser.findElement(By.id("plan-delete")).click();
        browser.findElement(By.id("confirm-ok")).click();
        page.await(15).until(d -> browser.findElement(By.id("no-plan")).isDisplayed());
        assertFalse(plans.findById(planId).isPresent(), "confirmed: the plan is gone");
        assertEquals(0L, page.count("routes"));

        new Select(browser.findElement(By.id("dataset-select"))).selectByValue(Long.toString(mergerId));
        page.await(30).until(d -> Long.valueOf(mergerId).equals(number("window.xiaocheMap.shownDatasetId")));
        browser.findElement(By.id("dataset-delete")).click();
        assertTrue(page.text("#confirm-dialog").contains("合并 merger"), page.text("#confirm-dialog"));
        browser.findElement(By.id("confirm-ok")).click();
        page.await(15).until(d -> new Select(d.findElement(By.id("dataset-select"))).getOptions().size() == 1);
        assertFalse(datasetRows.findById(mergerId).isPresent());
        assertEquals(baselineId, number("window.xiaocheMap.shownDatasetId"), "the remaining roster goes on show");
    }

    @Test
    @Order(4)
    void regionsShowTheirAuthorAndAreDeletedAfterConfirmation() {
        signIn();
        page.await(30).until(d -> !d.findElements(By.cssSelector("#region-list tr[data-region-id] .delete-region")).isEmpty());
        String row = page.text("#region-list tr[data-region-id='" + regionId + "']");
        assertTrue(row.contains("村 Village") && row.contains("就绪") && row.contains("planner"), row);
        browser.findElement(By.cssSelector("#region-list tr[data-region-id='" + regionId + "'] .delete-region")).click();
        browser.findElement(By.id("confirm-cancel")).click();
        assertTrue(regionRows.findById(regionId).isPresent());
        browser.findElement(By.cssSelector("#region-list tr[data-region-id='" + regionId + "'] .delete-region")).click();
        browser.findElement(By.id("confirm-ok")).click();
        page.await(15).until(d -> d.findElements(By.cssSelector("#region-list tr[data-region-id='" + regionId + "']")).isEmpty());
        assertFalse(regionRows.findById(regionId).isPresent());
    }

    private void awaitJob() {
        page.await(90).until(d -> {
            String state = d.findElement(By.id("job-progress")).getAttribute("data-state");
            return state != null && !state.isEmpty() && !state.equals("queued") && !state.equals("running");
        });
        assertEquals("succeeded", browser.findElement(By.id("job-progress")).getAttribute("data-state"));
        assertFalse(browser.findElement(By.id("job-cancel")).isDisplayed(), "no cancel button once the job has ended");
        // Reset for the next job, so the wait above sees the next job's own states.
        js("document.getElementById('job-progress').dataset.state = ''");
    }

    private void signIn() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        browser = page.browser;
    }

    private Long number(String expression) {
        Object v = js("return " + expression);
        return v == null ? null : ((Number) v).longValue();
    }

    private Object js(String script) {
        return page.js(script);
    }
}
