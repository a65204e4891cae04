package org.xiaoche.web.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.planedit.EditablePlan;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Editing on the map page: the planner reorders a run so that it breaks the ride cap and sees the broken rule at
 * once, in Chinese; putting the order back clears it; undo brings the broken version back; dragging a stop moves it
 * along the road into a new version; a later bell and a student's new stop are versions with their changes listed.
 * (The plan: {@link EditablePlan}.) With two-seat buses ({@link EditablePlan#twoRuns}), a stop moved onto the other
 * run overfills it: the seats rule shows broken, and undo clears it. Edits the editor refuses are told in Chinese.
 */
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class PlanEditBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "plan-edit-pw";
    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");
    /** Two Latin words in a row: a sentence, not an id. */
    private static final java.util.regex.Pattern ENGLISH_WORDS = java.util.regex.Pattern.compile("[A-Za-z]{2,}\\s+[A-Za-z]{2,}");

    @Autowired
    PlanStep planning;
    @Autowired
    PlanRepository plans;

    EditablePlan fixture;
    EditablePlan.TwoRuns twoRuns;

    @BeforeAll
    void data() throws Exception {
        fixture = EditablePlan.create(regions, datasets, jobs, planning, plans);
        twoRuns = EditablePlan.twoRuns(regions, datasets, jobs, planning, plans);
        accounts.create("planner", PASSWORD, Role.PLANNER);
    }

    private String shown() {
        return (String) page.js("return window.xiaocheMap.shownPlanId");
    }

    /** Waits until the panel shows a version other than {@code before}, with its verdict drawn. */
    private String awaitNewVersion(String before) {
        page.await(30).until(d -> !before.equals(shown()) && "false".equals(panel().getAttribute("data-busy"))
                && shown().equals(panel().getAttribute("data-plan-id")));
        return shown();
    }

    private WebElement panel() {
        return page.browser.findElement(By.id("plan-edit-panel"));
    }

    private String verdict() {
        return page.browser.findElement(By.id("plan-edit-verdict")).getAttribute("data-valid");
    }

    private List<WebElement> runStops() {
        return page.browser.findElements(By.cssSelector("#plan-edit-run-stops li"));
    }

    /** Signs the planner in and shows the planned plan (another test may have made newer versions). */
    private void openPlannedPlan() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.openMapWithPlan(fixture.regionId());
        page.js("const s = document.getElementById('plan-select'); s.value = '" + fixture.planId() + "';"
                + " s.dispatchEvent(new Event('change'));");
        page.await(30).until(d -> Long.toString(fixture.planId()).equals(shown()));
    }

    /** The planned plan on show in edit mode, its verdict drawn; returns its id. */
    private String startEditingThePlannedPlan() {
        openPlannedPlan();
        page.browser.findElement(By.id("plan-edit-toggle")).click();
        page.await(15).until(d -> "true".equals(verdict()));
        return shown();
    }

    private void chooseRun() {
        chooseRunWith(2);
    }

    @Test
    void anEditThatBreaksTheRideCapShowsTheViolationAndTheFixAndUndoFollow() {
        String planned = startEditingThePlannedPlan();
        assertEquals("规则：全部满足", page.text("#plan-edit-verdict"));
        chooseRun();
        assertEquals(fixture.farStopId(), runStops().get(0).getAttribute("data-stop-id"));

        // The far stop down: the two pupils of the near stop now ride out and back, over the cap.
        runStops().get(0).findElement(By.className("plan-edit-down")).click();
        String broken = awaitNewVersion(planned);
        page.await(15).until(d -> "false".equals(verdict()));
        assertEquals("规则：2 处违反", page.text("#plan-edit-verdict"));
        List<WebElement> violations = page.browser.findElements(By.cssSelector("#plan-edit-violations li"));
        assertEquals(List.of("乘车时间超过上限：E1", "乘车时间超过上限：E2"), violations.stream().map(WebElement::getText).toList());
        assertTrue(page.text("#plan-edit-changes").startsWith("趟次 " + fixture.amRunId() + " 的停靠顺序改为"),
                page.text("#plan-edit-changes"));
        page.screenshot("plan-edit-broken");

        // The fix: the far stop first again.
        chooseRun();
        assertEquals(fixture.nearStopId(), runStops().get(0).getAttribute("data-stop-id"));
        runStops().get(0).findElement(By.className("plan-edit-down")).click();
        String fixed = awaitNewVersion(broken);
        page.await(15).until(d -> "true".equals(verdict()));
        assertTrue(page.browser.findElements(By.cssSelector("#plan-edit-violations li")).isEmpty());

        // Undo shows the version the fix was made from, with its violation.
        page.browser.findElement(By.id("plan-edit-undo")).click();
        assertEquals(broken, awaitNewVersion(fixed));
        page.await(15).until(d -> "false".equals(verdict()));
        assertFalse(page.browser.findElements(By.cssSelector("#plan-edit-violations li")).isEmpty());
    }

    @Test
    void draggingAStopMovesItAlongTheRoad() {
        String before = startEditingThePlannedPlan();
        WebElement handle = page.browser.findElement(By.cssSelector(".plan-edit-stop[data-stop-id='" + fixture.nearStopId() + "']"));
        // A little west along the road and a little off it: the stop lands on the road.
        new Actions(page.browser).clickAndHold(handle).moveByOffset(-10, 2).moveByOffset(-10, 2).release().perform();
        String moved = awaitNewVersion(before);
        assertNotEquals(before, moved);
        assertTrue(page.text("#plan-edit-changes").contains("沿道路移动了"), page.text("#plan-edit-changes"));
        var stop = plans.stops(Long.parseLong(moved)).stream().filter(s -> s.stopId().equals(fixture.nearStopId())).findFirst().orElseThrow();
        assertEquals(0.0, stop.location().lat(), 1e-6, "on the road");
        assertTrue(stop.location().lon() < 0.02, "moved west: " + stop.location());
    }

    @Test
    void aLaterBellAndAStudentsNewStopAreNewVersionsWithTheirChanges() {
        String planned = startEditingThePlannedPlan();
        page.js("const f = document.getElementById('plan-edit-bell-form'); f.schoolId.value = 'S1'; f.bell.value = '08:20';");
        page.browser.findElement(By.cssSelector("#plan-edit-bell-form button[type=submit]")).click();
        String later = awaitNewVersion(planned);
        assertEquals("村小 Village School 的上课时间由 07:50 改为 08:20", page.text("#plan-edit-changes"));
        assertEquals("true", verdict(), "the morning run moves with the bell");

        // The student is picked by clicking their home on the map (a real click on the rider's marker), zoomed
        // in so that the home and the stop beside it are apart.
        String home = "window.xiaocheMap.layers.riders.getLayers().find(l => l.feature.properties.student_id === 'E3').getLatLng()";
        page.js("const m = window.xiaocheMap.map; m.closePopup(); m.setView(" + home + ", 19, { animate: false });");
        page.pointerAt("m.latLngToContainerPoint(" + home + ")").click().perform();
        page.await(10).until(d -> "E3".equals(d.findElement(By.cssSelector("#plan-edit-student-form input[name=studentId]")).getAttribute("value")));
        page.js("document.getElementById('plan-edit-student-stop').value = '" + fixture.nearStopId() + "';");
        page.browser.findElement(By.cssSelector("#plan-edit-student-form button[type=submit]")).click();
        awaitNewVersion(later);
        assertTrue(page.text("#plan-edit-changes").startsWith("学生 E3 改在"), page.text("#plan-edit-changes"));
        chooseRunWith(1);
        assertEquals(fixture.nearStopId(), runStops().get(0).getAttribute("data-stop-id"), "the far stop left the run");
    }

    /**
     * Edits the editor refuses are told in Chinese from their codes, never as the server's English sentence: a
     * student id that rides no bus, and a student moved to the stop they already board at. No version is made.
     */
    @Test
    void aRefusedEditIsToldInChinese() {
        String planned = startEditingThePlannedPlan();
        assertEquals("这项调整未能保存：学生 E99 不乘坐此方案的校车", refusalOf("E99", fixture.nearStopId()));
        assertEquals("这项调整未能保存：学生 E3 已经在站点 " + fixture.farStopId() + " 上车", refusalOf("E3", fixture.farStopId()));
        assertEquals(planned, shown(), "a refused edit makes no version");
        assertEquals("true", verdict());
    }

    /** Sends "student {@code studentId} to stop {@code stopId}" and returns the panel's message once it says why not. */
    private String refusalOf(String studentId, String stopId) {
        WebElement student = page.browser.findElement(By.cssSelector("#plan-edit-student-form input[name=studentId]"));
        student.clear();
        student.sendKeys(studentId);
        page.js("document.getElementById('plan-edit-student-stop').value = '" + stopId + "';"
                + " const m = document.getElementById('plan-edit-message'); m.hidden = true; m.textContent = '';");
        page.browser.findElement(By.cssSelector("#plan-edit-student-form button[type=submit]")).click();
        page.await(15).until(d -> {
            WebElement out = d.findElement(By.id("plan-edit-message"));
            return out.isDisplayed() && !out.getText().equals("正在调整……") && "false".equals(panel().getAttribute("data-busy"));
        });
        String text = page.text("#plan-edit-message");
        assertTrue(HAN.matcher(text).find(), text);
        assertFalse(ENGLISH_WORDS.matcher(text).find(), "no English sentence: " + text);
        return text;
    }

    private void chooseRunWith(int stops) {
        page.js("const s = document.getElementById('plan-edit-run'); s.value = '" + fixture.amRunId() + "';"
                + " s.dispatchEvent(new Event('change'));");
        page.await(15).until(d -> runStops().size() == stops);
    }

    @Test
    void aStopMovedOntoAFullRunShowsTheSeatsBrokenAndUndoClearsIt() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.openMapWithPlan(twoRuns.regionId());
        String planned = Long.toString(twoRuns.planId());
        assertEquals(planned, shown());
        page.browser.findElement(By.id("plan-edit-toggle")).click();
        page.await(15).until(d -> "true".equals(verdict()));
        page.js("const s = document.getElementById('plan-edit-run'); s.value = '" + twoRuns.farRunId() + "';"
                + " s.dispatchEvent(new Event('change'));");
        page.await(15).until(d -> d.findElements(By.cssSelector("#plan-edit-run-stops li .plan-edit-target")).size() == 1);
        WebElement stop = page.browser.findElement(By.cssSelector("#plan-edit-run-stops li"));
        assertEquals(twoRuns.farStopId(), stop.getAttribute("data-stop-id"));
        page.js("document.querySelector('#plan-edit-run-stops .plan-edit-target').value = '" + twoRuns.nearRunId() + "';");
        stop.findElement(By.className("plan-edit-move")).click();
        String full = awaitNewVersion(planned);
        page.await(15).until(d -> "false".equals(verdict()));
        List<String> violations = page.browser.findElements(By.cssSelector("#plan-edit-violations li")).stream()
                .map(WebElement::getText).toList();
        assertTrue(violations.contains("超过座位数：" + twoRuns.nearRunId()), violations.toString());
        assertTrue(page.text("#plan-edit-changes").contains("由趟次 " + twoRuns.farRunId() + " 移到趟次 " + twoRuns.nearRunId()),
                page.text("#plan-edit-changes"));
        page.screenshot("plan-edit-seats");

        page.browser.findElement(By.id("plan-edit-undo")).click();
        assertEquals(planned, awaitNewVersion(full));
        page.await(15).until(d -> "true".equals(verdict()));
        assertTrue(page.browser.findElements(By.cssSelector("#plan-edit-violations li")).isEmpty());
    }
}
