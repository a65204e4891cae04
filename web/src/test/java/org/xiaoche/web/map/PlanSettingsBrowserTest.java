package org.xiaoche.web.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.plan.PlanRepository;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet and policy form: defaults with their sources, a field that does not hold is refused in the
 * page, one that only the service refuses is told in Chinese, and a plan made with edited bus types, a depot
 * placed on the map and a shorter ride cap stores and lists exactly those inputs, with its cost per day and per year.
 */
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class PlanSettingsBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "plan-settings-pw";

    @Autowired
    PlanRepository plans;
    @Autowired
    ObjectMapper json;

    long regionId;

    @BeforeAll
    void data() throws Exception {
        regionId = Village.importRegion(regions, jobs, "planner");
        Village.importRoster(datasets, regionId, "crowd", "students-crowd.csv", "planner");
        accounts.create("planner", PASSWORD, Role.PLANNER);
    }

    @Test
    void aPlanUsesTheFleetAndPolicyOfTheForm() throws Exception {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.browser.get("http://localhost:" + port + "/map/" + regionId);
        page.awaitReady();
        page.await(15).until(d -> !d.findElements(By.cssSelector("#fleet-types tbody tr")).isEmpty());
        page.browser.findElement(By.cssSelector("#plan-settings summary")).click();
        assertEquals(3, page.browser.findElements(By.cssSelector("#fleet-types tbody tr")).size(), "the default 19 / 35 / 56 seats");
        String rideCap = page.text("#policy-form tr[data-path='routes.rideCap_s']");
        assertTrue(rideCap.contains("乘车时间上限") && rideCap.contains("2700") && rideCap.contains("威尔士"), rideCap);
        assertTrue(page.text("#policy-form tr[data-path='walkThreshold_m']").contains("烟政办字〔2023〕50号"));

        // Keep only the 19-seat type, three of them; seats 0 is refused in the page before any job.
        List<WebElement> rows = page.browser.findElements(By.cssSelector("#fleet-types tbody tr"));
        rows.get(2).findElement(By.cssSelector(".remove-type")).click();
        rows.get(1).findElement(By.cssSelector(".remove-type")).click();
        WebElement seats = page.browser.findElement(By.cssSelector("#fleet-types tbody tr [name=seats]"));
        seats.clear();
        seats.sendKeys("0");
        page.browser.findElement(By.id("plan-run")).click();
        page.await(5).until(d -> d.findElement(By.id("page-message")).isDisplayed());
        assertEquals("设置有误，请检查标红的输入", page.text("#page-message"));
        assertTrue(seats.getAttribute("class").contains("invalid"));
        assertEquals(0, plans.list(regionId, null).size(), "no plan from a refused form");
        seats.clear();
        seats.sendKeys("19");
        // A walk threshold of 0 passes the form's check (not negative) but not the policy's (positive): the service's
        // refusal is told in Chinese, naming the setting by its label, from the problem's code.
        WebElement threshold = page.browser.findElement(By.cssSelector("#policy-form tr[data-path='walkThreshold_m'] input"));
        threshold.clear();
        threshold.sendKeys("0");
        page.js("document.getElementById('page-message').hidden = true;");
        page.browser.findElement(By.id("plan-run")).click();
        page.await(15).until(d -> d.findElement(By.id("page-message")).isDisplayed()
                && !d.findElements(By.cssSelector("#page-message .problems li")).isEmpty());
        assertEquals("车队或规划政策设置未被接受，请改正以下问题：\n规划政策，项“步行上学阈值（米）”：须为正数，现为 0",
                page.text("#page-message"));
        assertEquals(0, plans.list(regionId, null).size(), "no plan from a refused policy");
        threshold.clear();
        threshold.sendKeys("2000");
        WebElement available = page.browser.findElement(By.cssSelector("#fleet-types tbody tr [name=available]"));
        available.clear();
        available.sendKeys("3");
        WebElement cap = page.browser.findElement(By.cssSelector("#policy-form tr[data-path='routes.rideCap_s'] input"));
        cap.clear();
        cap.sendKeys("1800");

        // A depot placed by clicking the map on the village road, beside the school.
        page.browser.findElement(By.id("depot-place")).click();
        page.pointerAt("m.latLngToContainerPoint(L.latLng(0.0001, 0.002))").click().perform();
        page.await(5).until(d -> !d.findElements(By.cssSelector("#depot-list li")).isEmpty());
        assertTrue(page.text("#depot-list").startsWith("车场 D1"), page.text("#depot-list"));

        page.browser.findElement(By.id("plan-run")).click();
        page.await(120).until(d -> "succeeded".equals(d.findElement(By.id("job-progress")).getAttribute("data-state")));
        page.await(60).until(d -> page.js("return window.xiaocheMap.shownPlanId") != null);
        long planId = plans.list(regionId, null).get(0).id();
        PlanRepository.Inputs stored = plans.inputs(planId);
        JsonNode fleet = json.readTree(stored.fleetJson());
        assertEquals(1, fleet.get("busTypes").size());
        assertEquals(19, fleet.at("/busTypes/0/seats").asInt());
        assertEquals(3, fleet.at("/busTypes/0/available").asInt());
        assertEquals(1, fleet.get("depots").size());
        assertEquals(0.002, fleet.at("/depots/0/location/lon").asDouble(), 0.0005, "the depot where the map was clicked");
        assertEquals(1800, json.readTree(stored.policyJson()).at("/routes/rideCap_s").asDouble());
        assertTrue(plans.runs(planId).stream().allMatch(r -> r.seats() == 19));

        String summary = page.text("#plan-summary");
        long costPerDay = Math.round(plans.findById(planId).orElseThrow().costPerDay());
        assertTrue(summary.contains("每日费用（元）\n" + costPerDay), summary);
        assertTrue(summary.contains("每年费用（元，190 个上学日）\n" + costPerDay * 190), summary);
        page.browser.findElement(By.cssSelector("#plan-inputs-panel summary")).click();
        String inputs = page.text("#plan-inputs");
        assertTrue(inputs.contains("19 座 × 3 辆") && inputs.contains("D1") && inputs.contains("乘车时间上限（秒）\n1800"), inputs);
        page.screenshot("plan-settings");
    }
}
