package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.demo.DemoBootstrap;
import org.xiaoche.web.demo.DemoStep;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.region.RegionRepository;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a newcomer sees after {@code scripts/demo.sh}: the service starts in demo mode on the bundled
 * county (3,000 synthetic students), builds region, eligibility and plan by itself, and the map then
 * draws every home, stop and route. Screenshot: {@code target/screenshots/demo-county.png}.
 * The long-list threshold is lowered to 10 rows so that the demo plan's runs count as a county's: the
 * route list keeps only the rows near its view (spacers stand for the others, scrolling and the keyboard
 * bring them in), the seat chart counts runs per band of seat use, and the runs drawn in the map's own
 * canvas tiles follow the filters pixel for pixel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"xiaoche.demo=true", "xiaoche.map.list-rows=10"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class DemoMapBrowserTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    DemoBootstrap bootstrap;
    @Autowired
    JobRepository jobs;
    @Autowired
    RegionRepository regions;
    @Autowired
    AccountService accounts;
    @Autowired
    PlanRepository plans;
    private Long demoRegionId;

    /** The demo region once its job succeeded, with the planner account the tests sign in with. */
    private synchronized long demoRegion() throws Exception {
        if (demoRegionId == null) {
            Job demo = Fixtures.awaitFinished(jobs, bootstrap.lastJobId().orElseThrow(), Duration.ofSeconds(120));
            assertEquals(JobState.SUCCEEDED, demo.state(), demo.message());
            accounts.create("planner", "demo-test-pw", Role.PLANNER);
            demoRegionId = regions.findByName(DemoStep.REGION_NAME).orElseThrow().id();
        }
        return demoRegionId;
    }

    /**
     * Page helpers: the container points of a run's line, and how coloured (0–255, max minus min of red,
     * green and blue) the map's tiles are at a container point (-1 where no tile is): runs are coloured,
     * roads grey, the background clear.
     */
    private static final String HELPERS = """
            const m = window.xiaocheMap, map = m.map;
            const linesOf = runId => { const g = m.state.runLayers[runId].feature.geometry;
              return (g.type === 'MultiLineString' ? g.coordinates : [g.coordinates])
                .map(line => line.map(c => map.latLngToContainerPoint([c[1], c[0]]))); };
            const chromaAt = p => { const box = map.getContainer().getBoundingClientRect(), x = box.left + p.x, y = box.top + p.y;
              for (const c of document.querySelectorAll('.leaflet-mapTiles-pane canvas')) {
                if (c.style.display === 'none') continue;
                const r = c.getBoundingClientRect();
                if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) {
                  const k = c.width / r.width;
                  // The most coloured pixel of the 5 x 5 around the point, weighed by its opacity (lines are antialiased).
                  const d = c.getContext('2d').getImageData(Math.floor((x - r.left) * k) - 2, Math.floor((y - r.top) * k) - 2, 5, 5).data;
                  let most = 0;
                  for (let i = 0; i < d.length; i += 4) most = Math.max(most, (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2])) * d[i + 3] / 255);
                  return Math.round(most);
                } }
              return -1; };
            const size = map.getSize(), inView = p => p.x > 20 && p.y > 20 && p.x < size.x - 20 && p.y < size.y - 20;
            const segmentDistance = (p, a, b) => L.LineUtil.pointToSegmentDistance(p, a, b);
            // Away from every stop and school drawn over the runs.
            const clear = q => m.state.tileItems.schools.concat(m.state.tileItems.stops)
              .every(i => map.latLngToContainerPoint(i.layer.getLatLng()).distanceTo(q) > 16);
            """;


    @Test
    void theDemoCountyShowsStudentsStopsAndRoutes() throws Exception {
        long regionId = demoRegion();
        try (MapPage page = MapPage.signIn(port, "planner", "demo-test-pw")) {
            page.openMapWithPlan(regionId);
            assertEquals(3000, page.count("students"));
            assertTrue(page.count("riders") > 1000, "riders: " + page.count("riders"));
            assertTrue(page.count("stops") > 10, "stops: " + page.count("stops"));
            assertTrue(page.count("routes") > 20, "routes: " + page.count("routes"));
            assertEquals(3 * page.count("routes"), page.count("arrows"));
            assertEquals("true", page.browser.findElement(org.openqa.selenium.By.id("plan-validity")).getAttribute("data-valid"));
            assertEquals(false, page.browser.findElement(org.openqa.selenium.By.id("import-warnings")).isDisplayed(),
                    "the demo county loses no road at import, so there is nothing to warn about");
            assertEquals(0L, page.count("droppedBusRoads"));
            // Green only for a complete plan: the badge follows the plan's coverage, whatever the demo's is.
            Object complete = ((org.openqa.selenium.JavascriptExecutor) page.browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch('/api/plans/' + window.xiaocheMap.shownPlanId)"
                            + ".then(r => r.json()).then(p => done(p.coverageComplete));");
            var badge = page.browser.findElement(org.openqa.selenium.By.id("plan-validity"));
            assertEquals(Boolean.TRUE.equals(complete) ? "complete" : "incomplete", badge.getAttribute("data-verdict"));
            assertEquals(Boolean.TRUE.equals(complete), badge.getCssValue("background-color").equals("rgba(46, 125, 50, 1)"),
                    "green exactly when coverage is complete: " + badge.getText());
            page.screenshot("demo-county");
        }
    }

    @Test
    void longListsKeepOnlyTheRowsInViewAndTheDrawnRunsFollowTheFilters() throws Exception {
        long regionId = demoRegion();
        try (MapPage page = MapPage.signIn(port, "planner", "demo-test-pw")) {
            page.openMapWithPlan(regionId);
            long planId = Long.parseLong((String) page.js("return window.xiaocheMap.shownPlanId"));
            List<PlanRepository.RunRow> runs = plans.runs(planId);
            assertTrue(runs.size() > 40, "the demo plan has many runs: " + runs.size());

            // The list: a window of rows between two spacers whose heights stand for the rows left out.
            long rows = page.browser.findElements(By.cssSelector("#route-list tbody tr[data-run-id]")).size();
            assertTrue(rows > 0 && rows < runs.size(), rows + " of " + runs.size() + " rows in the page");
            assertEquals(2, page.browser.findElements(By.cssSelector("#route-list tbody tr.spacer")).size());
            double listHeight = ((Number) page.js("return document.querySelector('#route-list tbody').getBoundingClientRect().height")).doubleValue();
            double rowHeight = ((Number) page.js("return document.querySelector('#route-list tbody tr[data-run-id]').getBoundingClientRect().height")).doubleValue();
            assertEquals(runs.size() * rowHeight, listHeight, runs.size() * 1.0, "the list is as tall as all its rows");

            // Scrolled to its end, the last run's row is in the page and the first one's is not; Enter opens it.
            String firstRun = (String) page.js("return window.xiaocheMap.state.runs[0].runId");
            String lastRun = (String) page.js("return window.xiaocheMap.state.runs[window.xiaocheMap.state.runs.length - 1].runId");
            page.js("const s = document.querySelector('#route-list').closest('.scroll'); s.scrollTop = s.scrollHeight;");
            page.await(10).until(d -> !d.findElements(By.cssSelector("#route-list tbody tr[data-run-id='" + lastRun + "']")).isEmpty());
            assertTrue(page.browser.findElements(By.cssSelector("#route-list tbody tr[data-run-id='" + firstRun + "']")).isEmpty());
            page.browser.findElement(By.cssSelector("#route-list tbody tr[data-run-id='" + lastRun + "']")).sendKeys(Keys.ENTER);
            page.await(10).until(d -> lastRun.equals(d.findElement(By.id("timetable")).getAttribute("data-run-id")));
            assertEquals(1, page.browser.findElements(By.cssSelector("#route-list tbody tr.selected")).size());

            // No run selected (a selected run fades the others). Then a run, and a point on another run's line
            // well away from it, both in view.
            page.browser.findElement(By.id("filter-clear")).click();
            page.await(10).until(d -> page.js("return window.xiaocheMap.selectedRun") == null);
            @SuppressWarnings("unchecked")
            Map<String, Object> probe = (Map<String, Object>) page.js(HELPERS + """
                    const ids = m.state.runs.map(r => r.runId);
                    for (const runId of ids) {
                      const mine = linesOf(runId);
                      const onMine = mine.flatMap(line => line.slice(1).map((p, i) => [line[i], p]))
                        .filter(([a, b]) => a.distanceTo(b) > 12).map(([a, b]) => a.add(b).divideBy(2)).find(q => inView(q) && clear(q));
                      if (!onMine) continue;
                      for (const other of ids) {
                        if (other === runId) continue;
                        const far = linesOf(other).flatMap(line => line.slice(1).map((p, i) => [line[i], p]))
                          .filter(([a, b]) => a.distanceTo(b) > 12).map(([a, b]) => a.add(b).divideBy(2))
                          .find(q => inView(q) && clear(q) && mine.every(line => line.slice(1).every((p, i) => segmentDistance(q, line[i], p) > 15)));
                        if (far) return { runId, other, mine: [onMine.x, onMine.y], far: [far.x, far.y] };
                      }
                    }
                    return null;
                    """);
            assertTrue(probe != null, "a run with a point of another run away from it");
            String alpha = HELPERS + "return [chromaAt(L.point(arguments[0], arguments[1])), chromaAt(L.point(arguments[2], arguments[3]))];";
            List<?> mine = (List<?>) probe.get("mine"), far = (List<?>) probe.get("far");
            Object[] points = {mine.get(0), mine.get(1), far.get(0), far.get(1)};
            List<?> before = (List<?>) ((org.openqa.selenium.JavascriptExecutor) page.browser).executeScript(alpha, points);
            assertTrue(((Number) before.get(0)).intValue() > 50 && ((Number) before.get(1)).intValue() > 50,
                    "both runs are drawn in colour before filtering: " + before);

            new Select(page.browser.findElement(By.id("filter-run"))).selectByValue((String) probe.get("runId"));
            List<?> filtered = (List<?>) ((org.openqa.selenium.JavascriptExecutor) page.browser).executeScript(alpha, points);
            assertTrue(((Number) filtered.get(0)).intValue() > 50, "the run filtered on is drawn: " + filtered);
            assertTrue(((Number) filtered.get(1)).intValue() < 35, "another run is not, only the grey road under it: " + filtered);
            assertEquals(1, page.browser.findElements(By.cssSelector("#route-list tbody tr[data-run-id]")).size());
            assertTrue(page.browser.findElements(By.cssSelector("#route-list tbody tr.spacer")).isEmpty());

            page.browser.findElement(By.id("filter-clear")).click();
            List<?> cleared = (List<?>) ((org.openqa.selenium.JavascriptExecutor) page.browser).executeScript(alpha, points);
            assertTrue(((Number) cleared.get(1)).intValue() > 50, "the other run is drawn again: " + cleared);

            // The seat chart counts every run once, in eleven bands a direction.
            page.await(20).until(d -> !d.findElements(By.cssSelector("#seat-chart rect.seat-band")).isEmpty());
            assertEquals(22, page.browser.findElements(By.cssSelector("#seat-chart rect.seat-band")).size());
            long counted = ((Number) page.js("return [...document.querySelectorAll('#seat-chart rect.seat-band')]"
                    + ".reduce((n, r) => n + Number(r.dataset.count), 0)")).longValue();
            assertEquals(runs.size(), counted);
            assertTrue(page.browser.findElements(By.cssSelector("#seat-chart rect.seat-bar")).isEmpty());
            page.screenshot("long-lists");
        }
    }
}
