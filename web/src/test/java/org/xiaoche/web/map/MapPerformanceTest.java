package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.demodata.DemoCountyGenerator;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.stats.Percentiles;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the map answers with a county-sized plan loaded (the generated county, {@code
 * -Dxiaoche.mapperf.students}, 100,000 in {@code scripts/bench.sh mapperf}): in headless Chromium,
 * each action is timed with the Performance API from the action until the frame after it is painted
 * (two animation frames, so the figure includes drawing): opening stop popups, filtering by school
 * and by bus (and clearing the filter), and panning. A benchmark, not a test: it runs only when asked,
 * and reports the figures to {@code -Dxiaoche.mapperf.report} without asserting them.
 */
@EnabledIfSystemProperty(named = "xiaoche.mapperf.students", matches = "\\d+")
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class MapPerformanceTest extends BrowserTestBase {

    private static final String PASSWORD = "map-performance-pw";
    private static final int SAMPLES = 30;
    /** Samples timed per script call: a slow action must not outlast the browser driver's command timeout. */
    private static final int BATCH = 5;

    @Autowired
    EligibilityStep eligibility;
    @Autowired
    PlanStep planning;
    @Autowired
    PlanRepository plans;

    /** Times {@code SAMPLES} repetitions of one kind of action in the page; returns milliseconds per action. */
    private static final String MEASURE = """
            const kind = arguments[0], from = arguments[1], samples = arguments[2], done = arguments[arguments.length - 1];
            const m = window.xiaocheMap;
            const painted = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            const stops = m.state.stopLayers || m.layers.stops.getLayers();
            const school = document.getElementById('filter-school'), bus = document.getElementById('filter-bus');
            const pick = (select, i) => select.options[1 + (i * 7919) % (select.options.length - 1)].value;
            const change = (select, value) => { select.value = value; select.onchange(); };
            const actions = {
              popup: i => stops[(i * 7919) % stops.length].openPopup(),
              filterSchool: i => change(school, i % 2 === 0 ? pick(school, i) : ''),
              filterBus: i => change(bus, i % 2 === 0 ? pick(bus, i) : ''),
              pan: i => m.map.panBy([i % 2 === 0 ? 300 : -300, i % 4 < 2 ? 150 : -150], { animate: false })
            };
            (async () => {
              const out = [];
              for (let i = from; i < from + samples; i++) {
                await painted();
                performance.mark('s' + i);
                actions[kind](i);
                await painted();
                performance.mark('e' + i);
                out.push(performance.measure(kind + i, 's' + i, 'e' + i).duration);
                if (kind === 'popup') m.map.closePopup();
              }
              if (kind.startsWith('filter')) { change(school, ''); change(bus, ''); }
              done(out);
            })().catch(e => done('error: ' + e));
            """;

    /** The 1-minute load average (Linux), to say how busy the machine was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Test
    void measureTheMapWithACountySizedPlan() throws Exception {
        int students = Integer.getInteger("xiaoche.mapperf.students");
        Path data = Files.createTempDirectory("mapperf");
        DemoCountyGenerator.generate(DemoCountyGenerator.DEFAULT_SEED, students, data);
        RegionService.Created created;
        try (InputStream osm = Files.newInputStream(data.resolve(DemoCounty.OSM_FILE))) {
            created = regions.create("县 " + students, DemoCounty.OSM_FILE, osm, "planner");
        }
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofMinutes(20)).state());
        long regionId = created.region().id();
        long datasetId = datasets.importFiles(regionId, "roster " + students, "wgs84", data.resolve(DemoCounty.SCHOOLS_FILE),
                data.resolve(DemoCounty.STUDENTS_FILE), "planner").id();
        eligibility.compute(datasetId, PlanningPolicy.defaults(), null, ProgressListener.NONE);
        long planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "planner", ProgressListener.NONE);
        accounts.create("planner", PASSWORD, Role.PLANNER);
        int runs = plans.runs(planId).size();
        int stops = plans.stops(planId).size();

        page = MapPage.signIn(port, "planner", PASSWORD);
        long opened_ns = System.nanoTime();
        page.openMapWithPlan(regionId, 600);
        assertEquals(String.valueOf(planId), page.js("return window.xiaocheMap.shownPlanId"), "the newest plan is shown");
        double open_s = (System.nanoTime() - opened_ns) / 1e9;
        // Every rider loaded (at county zoom none is on the map: homes and riders are drawn at village zoom).
        long riders = ((Number) page.js("return window.xiaocheMap.state.riderLayers.length")).longValue();
        assertTrue(riders > 0 && page.count("routes") == runs, "the whole plan is drawn: " + riders + " riders, "
                + page.count("routes") + " of " + runs + " runs");

        page.browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Generated county, %,d students: plan %d with %,d stops, %,d runs and %,d riders;"
                + " the map opened with the whole plan in %.1f s (sign-in page to plan drawn). %d samples per action;"
                + " load average when measuring began: %s.%n%n",
                students, planId, stops, runs, riders, open_s, SAMPLES, loadAverage()));
        table.append("| zoom | action | samples | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|\n");
        for (String scale : List.of("county", "village")) {
            if (scale.equals("village")) {
                // Zoomed in on a stop, where homes and riders are drawn however many the plan has.
                page.js("const m = window.xiaocheMap; const s = m.state.stopLayers[0];"
                        + " m.map.setView(s.getLatLng(), 15, { animate: false });");
                page.await(60).until(d -> Boolean.TRUE.equals(page.js("return window.xiaocheMap.map.hasLayer(window.xiaocheMap.layers.riders)")));
            }
            measure(scale, table);
        }
        System.out.print(table);
        String report = System.getProperty("xiaoche.mapperf.report");
        if (report != null) {
            Files.writeString(Path.of(report), table.toString(), StandardCharsets.UTF_8);
        }
    }

    private void measure(String scale, StringBuilder table) {
        for (String kind : List.of("popup", "pan", "filterSchool", "filterBus")) {
            List<Double> samples = new ArrayList<>();
            for (int from = 0; from < SAMPLES; from += BATCH) {
                Object result = ((JavascriptExecutor) page.browser).executeAsyncScript(MEASURE, kind, from, BATCH);
                assertTrue(result instanceof List<?>, kind + ": " + result);
                ((List<?>) result).forEach(x -> samples.add(((Number) x).doubleValue()));
            }
            double[] ms = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            String row = String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f |%n", scale, kind, ms.length,
                    Percentiles.of(ms, 0.5), Percentiles.of(ms, 0.95), ms[ms.length - 1]);
            System.out.print(row);
            table.append(row);
        }
    }
}
