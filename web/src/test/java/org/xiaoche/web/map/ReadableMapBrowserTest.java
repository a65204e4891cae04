package org.xiaoche.web.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map at a glance with many buses on one road (the crowd roster, 19-seat buses only): a colour per
 * bus, a click where runs overlap offers them all and opens the one chosen, filters by bus and run,
 * search by stop name and student id, and popups for schools and stops with times to the minute.
 */
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class ReadableMapBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "readable-map-pw";

    @Autowired
    EligibilityStep eligibility;
    @Autowired
    PlanStep planning;
    @Autowired
    PlanRepository plans;

    long regionId;
    long planId;

    @BeforeAll
    void data() throws Exception {
        Village.CrowdPlan crowd = Village.crowdPlan(regions, datasets, jobs, eligibility, planning);
        regionId = crowd.regionId();
        planId = crowd.planId();
        accounts.create("planner", PASSWORD, Role.PLANNER);
    }

    @Test
    void overlappingRunsFiltersSearchAndPopups() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.openMapWithPlan(regionId);
        List<PlanRepository.RunRow> runs = plans.runs(planId);
        long buses = runs.stream().map(PlanRepository.RunRow::busId).distinct().count();
        assertTrue(buses >= 4, "sixty riders need at least four 19-seat buses: " + buses);
        assertEquals(buses, ((Number) page.js("return new Set(window.xiaocheMap.layers.routes.getLayers()"
                + ".map(l => l.options.color)).size")).longValue(), "one colour per bus");

        // A real click on the road all runs share: a chooser lists them; the one picked is highlighted with its timetable.
        // The middle of the longest piece of the first run's line: away from the stop and school markers at its ends.
        page.pointerAt("(() => { const pts = window.xiaocheMap.layers.routes.getLayers()[0].getLatLngs()"
                + ".map(x => m.latLngToContainerPoint(x)); let p = null, longest = -1;"
                + " for (let i = 1; i < pts.length; i++) { const d = pts[i].distanceTo(pts[i - 1]);"
                + "   if (d > longest) { longest = d; p = pts[i].add(pts[i - 1]).divideBy(2); } }"
                + " return p; })()").click().perform();
        page.await(10).until(d -> !d.findElements(By.cssSelector(".run-chooser button")).isEmpty());
        List<WebElement> choices = page.browser.findElements(By.cssSelector(".run-chooser button"));
        assertTrue(choices.size() >= 2, "overlapping runs offered: " + choices.size());
        assertTrue(page.text(".run-chooser").matches("(?s)此处有 \\d+ 条线路.*"), page.text(".run-chooser"));
        WebElement last = choices.get(choices.size() - 1);
        String chosen = last.getAttribute("data-run-id");
        last.click();
        page.await(10).until(d -> chosen.equals(page.js("return window.xiaocheMap.selectedRun")));
        page.await(10).until(d -> chosen.equals(d.findElement(By.id("timetable")).getAttribute("data-run-id")));
        assertEquals(Boolean.TRUE, page.js("const sel = window.xiaocheMap.state.runLayers['" + chosen + "'];"
                + " return window.xiaocheMap.layers.routes.getLayers().every(l => l === sel ? l.options.weight === 8"
                + " : l.options.opacity < 0.5)"), "the chosen run stands out, the others fade");
        page.screenshot("readable-map-chooser");

        // Filters: one bus shows its two runs; one run shows itself.
        String bus = runs.get(0).busId();
        long busRuns = runs.stream().filter(r -> r.busId().equals(bus)).count();
        new Select(page.browser.findElement(By.id("filter-bus"))).selectByValue(bus);
        assertEquals(busRuns, page.count("routes"));
        assertEquals(busRuns * 3, page.count("arrows"));
        assertEquals(busRuns, (long) page.browser.findElements(By.cssSelector("#route-list tbody tr:not([hidden])")).size());
        page.browser.findElement(By.id("filter-clear")).click();
        assertEquals((long) runs.size(), page.count("routes"));
        String amRun = runs.stream().filter(r -> r.direction().equals("AM")).findFirst().orElseThrow().runId();
        new Select(page.browser.findElement(By.id("filter-run"))).selectByValue(amRun);
        assertEquals(1L, page.count("routes"));
        long riders = plans.students(planId).stream().filter(s -> amRun.equals(s.amRunId())).count();
        assertEquals(riders, page.count("riders"), "the riders of that run");
        page.browser.findElement(By.id("filter-clear")).click();

        // Search a stop by its name (keyboard only) and a student by id.
        WebElement search = page.browser.findElement(By.id("search-input"));
        search.sendKeys("村前路", Keys.ENTER);
        page.await(10).until(d -> !d.findElements(By.cssSelector("#search-results button[data-kind='stop']")).isEmpty());
        page.browser.findElement(By.cssSelector("#search-results button[data-kind='stop']")).sendKeys(Keys.ENTER);
        page.await(10).until(d -> !d.findElements(By.cssSelector(".leaflet-popup-content")).isEmpty());
        String stopPopup = page.text(".leaflet-popup-content");
        assertTrue(stopPopup.contains("村前路") && stopPopup.contains("早班") && stopPopup.contains("放学班"), stopPopup);
        assertTrue(stopPopup.matches("(?s).*\\d\\d:\\d\\d.*") && !stopPopup.matches("(?s).*\\d\\d:\\d\\d:\\d\\d.*"), stopPopup);
        search.clear();
        search.sendKeys("C07", Keys.ENTER);
        page.await(10).until(d -> !d.findElements(By.cssSelector("#search-results button[data-kind='student']")).isEmpty());
        page.browser.findElement(By.cssSelector("#search-results button[data-kind='student']")).click();
        page.await(10).until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                .anyMatch(e -> e.getText().contains("C07")));

        // The school's popup: enrolment, need, riders, buses and bell times.
        String school = (String) page.js("const l = window.xiaocheMap.layers.schools.getLayers()[0]; l.openPopup();"
                + " return l.getPopup().getElement().innerText;");
        assertTrue(school.contains("在校学生\t60") && school.contains("已安排乘车\t60") && school.contains("校车数\t" + buses)
                && school.contains("上课时间\t07:50") && school.contains("放学时间\t16:30"), school);
        page.screenshot("readable-map-school");
    }
}
