package org.xiaoche.web.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county-scale rule of the map, with its threshold lowered to 10 homes and riders so that the crowd
 * roster (60 of each) counts as a county: zoomed out, homes, riders and arrows are off the map and a
 * hint says to zoom in, while filters still work; at village scale they are drawn again, and a student
 * found by the search opens at village scale with its popup.
 */
@TestPropertySource(properties = "xiaoche.map.detail-points=10")
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class DetailZoomBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "detail-zoom-pw";

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

    private boolean onMap(String layer) {
        return Boolean.TRUE.equals(page.js("return window.xiaocheMap.map.hasLayer(window.xiaocheMap.layers." + layer + ")"));
    }

    private void zoom(int level) {
        page.js("window.xiaocheMap.map.setZoom(" + level + ", { animate: false })");
        page.await(10).until(d -> ((Number) page.js("return window.xiaocheMap.map.getZoom()")).intValue() == level);
    }

    @Test
    void homesAndRidersAreDrawnAtVillageScaleOnly() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.openMapWithPlan(regionId);
        long riders = page.count("riders");
        assertTrue(riders >= 60, "the crowd's riders: " + riders);

        zoom(12);
        page.await(10).until(d -> !onMap("riders"));
        assertFalse(onMap("students"), "homes are off the map at county scale");
        assertFalse(onMap("arrows"), "so are the route arrows");
        assertTrue(Boolean.TRUE.equals(page.js("const m = window.xiaocheMap; return m.map.hasLayer(m.tiles)"
                + " && m.state.tileItems.runs.length > 0 && m.state.tileItems.stops.concat(m.state.tileItems.schools).every(i => i.shown())")),
                "routes, stops and schools stay");
        WebElement hint = page.browser.findElement(By.id("detail-hint"));
        assertTrue(hint.isDisplayed());
        assertTrue(hint.getText().contains("放大"), hint.getText());

        // A filter chosen zoomed out holds for the riders drawn when zooming in: one bus keeps only its riders.
        String bus = plans.runs(planId).get(0).busId();
        long busRuns = plans.runs(planId).stream().filter(r -> r.busId().equals(bus)).count();
        new Select(page.browser.findElement(By.id("filter-bus"))).selectByValue(bus);
        assertEquals(busRuns, page.count("routes"));
        zoom(15);
        page.await(10).until(d -> onMap("riders"));
        assertTrue(onMap("students") && onMap("arrows"));
        assertFalse(page.browser.findElement(By.id("detail-hint")).isDisplayed());
        long busRiders = page.count("riders");
        assertTrue(busRiders > 0 && busRiders < riders, busRiders + " of " + riders);
        assertEquals(busRuns * 3, page.count("arrows"), "the arrows of that bus's runs");
        page.browser.findElement(By.id("filter-clear")).click();
        assertEquals(riders, page.count("riders"));

        // Zoomed out again, a student found by the search opens at village scale, its popup open.
        zoom(12);
        page.await(10).until(d -> !onMap("riders"));
        WebElement search = page.browser.findElement(By.id("search-input"));
        search.sendKeys("C07", Keys.ENTER);
        page.await(10).until(d -> !d.findElements(By.cssSelector("#search-results button[data-kind='student']")).isEmpty());
        page.browser.findElement(By.cssSelector("#search-results button[data-kind='student']")).click();
        page.await(10).until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                .anyMatch(e -> e.getText().contains("C07")));
        assertTrue(((Number) page.js("return window.xiaocheMap.map.getZoom()")).intValue() >= 14);
        page.await(10).until(d -> onMap("riders"));
    }
}
