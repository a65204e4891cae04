package org.xiaoche.web.map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.web.account.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's whole job in the browser on a real OSM extract (Yizhuang, Beijing): the region uploaded on the
 * regions page, a roster of three of its schools and homes scattered around its villages uploaded on the map
 * page, eligibility, a fleet and policy set in the form, a plan followed to the end, a stop found by name, a
 * run reordered and re-validated and the edit undone, and the unserved and cap-infeasible lists downloaded.
 * Nothing but the planner's account and the input files is set up outside the browser.
 */
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class WholeJobBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "whole-job-pw";
    private static final String EXTRACT = "beijing-yizhuang.osm.pbf";
    private static final String ROSTER = "亦庄 全部学生";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    Path osmFile;
    Path schoolsCsv;
    Path studentsCsv;
    Path downloads;
    int schoolCount;

    @BeforeAll
    void data() throws IOException {
        osmFile = sharedOsm().map(d -> d.resolve(EXTRACT)).filter(Files::isRegularFile).orElse(null);
        Assumptions.assumeTrue(osmFile != null, "SKIPPED: ../shared/osm/" + EXTRACT + " is absent");
        writeRoster(Files.createTempDirectory("whole-job-input"));
        downloads = Files.createTempDirectory("whole-job-downloads");
        accounts.create("planner", PASSWORD, Role.PLANNER);
    }

    /** {@code ../shared/osm} beside the checkout (the folder holding the parent pom and routing/). */
    private static java.util.Optional<Path> sharedOsm() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("routing"))) {
                Path osm = dir.resolveSibling("shared").resolve("osm");
                return Files.isDirectory(osm) ? java.util.Optional.of(osm) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Three of the extract's own schools (Chinese headers) and 150 homes within about 700 m of its villages, each
     * going to one of the three schools whatever the distance, so some walk, most need a bus, and some are far.
     */
    private void writeRoster(Path dir) throws IOException {
        PlaceNames places = PlaceNames.read(osmFile);
        List<PlaceNames.Place> schools = places.places().stream().filter(p -> p.kind() == PlaceNames.Kind.SCHOOL).limit(3).toList();
        List<PlaceNames.Place> villages = places.places().stream()
                .filter(p -> p.kind() == PlaceNames.Kind.LOCALITY || p.kind() == PlaceNames.Kind.VILLAGE).toList();
        assertEquals(3, schools.size(), "the extract's schools");
        assertTrue(villages.size() >= 5, "the extract's villages: " + villages.size());
        schoolCount = schools.size();
        StringBuilder s = new StringBuilder("学校编号,学校名称,学段,经度,纬度,学位数,上课时间,放学时间\n");
        for (int i = 0; i < schools.size(); i++) {
            LonLat at = schools.get(i).location();
            s.append("S").append(i + 1).append(',').append(schools.get(i).name()).append(",小学,")
                    .append(coordinate(at.lon())).append(',').append(coordinate(at.lat())).append(",2000,")
                    .append(LocalTime.of(7, 30).plusMinutes(20L * i)).append(',').append(LocalTime.of(16, 0).plusMinutes(20L * i))
                    .append('\n');
        }
        Random random = new Random(11);
        StringBuilder st = new StringBuilder("student_id,school_id,grade,lon,lat\n");
        for (int i = 0; i < 150; i++) {
            LonLat village = villages.get(i % villages.size()).location();
            double north_m = (random.nextDouble() - 0.5) * 1400;
            double east_m = (random.nextDouble() - 0.5) * 1400;
            double lat = village.lat() + north_m / 111_195.0;
            double lon = village.lon() + east_m / (111_195.0 * Math.cos(Math.toRadians(village.lat())));
            st.append(String.format(Locale.ROOT, "Y%03d,S%d,%d,%s,%s%n", i + 1, 1 + i % 3, 1 + i % 6, coordinate(lon), coordinate(lat)));
        }
        schoolsCsv = Files.writeString(dir.resolve("学校.csv"), s.toString(), StandardCharsets.UTF_8);
        studentsCsv = Files.writeString(dir.resolve("students.csv"), st.toString(), StandardCharsets.UTF_8);
    }

    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }

    @Test
    void aPlannerDoesTheWholeJobInThePage() throws Exception {
        page = MapPage.signIn(port, "planner", PASSWORD);
        try {
            wholeJob();
        } catch (Throwable e) {
            page.screenshot("whole-job-failure");
            throw e;
        }
    }

    private void wholeJob() throws Exception {
        ((HasCdp) page.browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));

        // The region: the OSM file uploaded on the regions page, its import followed to the end.
        page.browser.get("http://localhost:" + port + "/");
        WebElement regionForm = page.await(15).until(d -> {
            WebElement f = d.findElement(By.id("region-upload-form"));
            return f.isDisplayed() ? f : null;
        });
        regionForm.findElement(By.name("name")).sendKeys("亦庄 Yizhuang");
        regionForm.findElement(By.name("osm")).sendKeys(osmFile.toString());
        regionForm.findElement(By.cssSelector("button[type=submit]")).click();
        awaitJob(120);
        WebElement open = page.await(30).until(d -> d.findElements(By.cssSelector("#region-list tr[data-region-id] a.open-map"))
                .stream().findFirst().orElse(null));
        String regionRow = open.findElement(By.xpath("./ancestor::tr")).getText();
        assertTrue(regionRow.contains("亦庄 Yizhuang") && regionRow.contains("就绪") && regionRow.contains("planner"), regionRow);
        page.screenshot("whole-job-1-region");
        open.click();
        page.awaitReady();
        long roads = ((Number) page.js("return window.xiaocheMap.state.tileItems.roads.length")).longValue();
        assertTrue(roads > 500, "the extract's roads drawn: " + roads);
        // What the import left out, with every road class in Chinese (a real extract has platforms and corridors).
        List<WebElement> warnings = page.browser.findElements(By.cssSelector("#import-warnings li[data-road-class]"));
        assertFalse(warnings.isEmpty());
        warnings.forEach(li -> assertFalse(li.getText().contains(li.getAttribute("data-road-class")), li.getText()));

        // The roster: two CSV files, the schools with Chinese headers; wait for it in the picker, however the upload answers.
        WebElement rosterForm = page.browser.findElement(By.id("dataset-upload-form"));
        rosterForm.findElement(By.name("name")).sendKeys(ROSTER);
        rosterForm.findElement(By.name("schools")).sendKeys(schoolsCsv.toString());
        rosterForm.findElement(By.name("students")).sendKeys(studentsCsv.toString());
        rosterForm.findElement(By.cssSelector("button[type=submit]")).click();
        Select rosters = new Select(page.browser.findElement(By.id("dataset-select")));
        WebElement roster = page.await(120).withMessage(() -> "upload: " + page.text("#dataset-upload-result")
                + " / " + page.text("#job-progress")).until(d -> {
                    // A refused upload ends the wait at once, with the page's reasons in the message.
                    if (!d.findElements(By.cssSelector("#dataset-upload-result .problems")).isEmpty()) throw new AssertionError(
                            "roster refused: " + page.text("#dataset-upload-result"));
                    return rosters.getOptions().stream().filter(o -> o.getText().startsWith(ROSTER)).findFirst().orElse(null);
                });
        assertTrue(roster.getText().startsWith(ROSTER + " · " + schoolCount + " 所学校、150 名学生"), roster.getText());
        String rosterId = roster.getAttribute("value");
        if (!rosterId.equals(rosters.getFirstSelectedOption().getAttribute("value"))) rosters.selectByValue(rosterId);
        page.await(30).until(d -> rosterId.equals(String.valueOf(page.js("return window.xiaocheMap.shownDatasetId"))));
        page.await(30).until(d -> page.count("schools") == schoolCount);

        // Eligibility with the form's walking threshold: homes coloured, the school table filled.
        page.browser.findElement(By.id("run-eligibility")).click();
        awaitJob(120);
        page.await(30).until(d -> page.js("return window.xiaocheMap.shownRun") != null);
        assertEquals(150L, page.count("students"));
        List<WebElement> schoolRows = page.browser.findElements(By.cssSelector("#school-summary tbody tr"));
        assertEquals(schoolCount, schoolRows.size());
        List<String> total = cells(page.browser.findElement(By.cssSelector("#school-summary tfoot tr")));
        assertEquals("150", total.get(1), total.toString());
        int needing = Integer.parseInt(total.get(3));
        assertTrue(Integer.parseInt(total.get(2)) > 0 && needing > 0, "some walk, some need a bus: " + total);
        page.screenshot("whole-job-2-eligibility");

        // Fleet and policy in the form: only 35-seat buses, a 10-minute journey cap for grades 1-3.
        page.browser.findElement(By.cssSelector("#plan-settings summary")).click();
        page.await(15).until(d -> d.findElements(By.cssSelector("#fleet-types tbody tr")).size() == 3);
        List<WebElement> types = page.browser.findElements(By.cssSelector("#fleet-types tbody tr"));
        types.get(2).findElement(By.cssSelector(".remove-type")).click();
        types.get(0).findElement(By.cssSelector(".remove-type")).click();
        WebElement seats = page.browser.findElement(By.cssSelector("#fleet-types tbody tr [name=seats]"));
        assertEquals("35", seats.getAttribute("value"), "the middle type is the 35-seat bus");
        retype(page.browser.findElement(By.cssSelector("#fleet-types tbody tr [name=available]")), "30");
        retype(policyInput("routes.journeyCapGrades1to3_s"), "600");
        // Homes more than 150 m from a bus road get no stop, so the unserved list has rows. That limit below the walk
        // to a stop is refused in the page, in Chinese, before any job; with the walks to a stop lowered too it holds.
        WebElement busRoad = policyInput("maxWalkToBusRoad_m");
        retype(busRoad, "150");
        String previousJob = page.browser.findElement(By.id("job-progress")).getAttribute("data-job-id");
        page.browser.findElement(By.id("plan-run")).click();
        page.await(5).until(d -> d.findElement(By.id("page-message")).isDisplayed());
        assertTrue(page.text("#page-message").startsWith("步行距离上限的顺序不对"), page.text("#page-message"));
        assertTrue(busRoad.getAttribute("class").contains("invalid"));
        assertEquals(previousJob, page.browser.findElement(By.id("job-progress")).getAttribute("data-job-id"), "no job started");
        retype(policyInput("maxWalkToStop_m"), "150");
        retype(policyInput("maxWalkToStopGrades1to3_m"), "150");
        page.screenshot("whole-job-3-settings");

        // The plan, its progress followed in the page.
        page.browser.findElement(By.id("plan-run")).click();
        page.await(10).until(d -> !previousJob.equals(d.findElement(By.id("job-progress")).getAttribute("data-job-id")));
        assertFalse(page.browser.findElement(By.id("page-message")).isDisplayed());
        awaitJob(170);
        page.await(60).until(d -> page.js("return window.xiaocheMap.shownPlanId") != null);
        String planId = shownPlan();
        assertTrue(page.count("routes") > 0 && page.count("stops") > 0);
        page.browser.findElement(By.cssSelector("#plan-inputs-panel summary")).click();
        String inputs = page.text("#plan-inputs");
        assertTrue(inputs.contains(ROSTER + " (#" + rosterId + ")") && inputs.contains("35 座 × 30 辆") && !inputs.contains("56 座"), inputs);
        assertTrue(inputs.contains("600"), "the journey cap of the form: " + inputs);
        int capInfeasible = figure("超时无法避免");
        int unserved = figure("未覆盖");
        assertTrue(capInfeasible > 0, "young pupils far out cannot meet a 10-minute journey: " + page.text("#plan-summary"));
        assertTrue(unserved > 0, "homes far from a bus road: " + page.text("#plan-summary"));
        page.screenshot("whole-job-4-plan");

        // A stop found by (part of) its name with the search box and the keyboard; its popup opens.
        String stopName = (String) page.js("return window.xiaocheMap.layers.stops.getLayers().map(l => l.feature.properties.stop_name)"
                + ".filter(n => n && n.length >= 2).sort()[0] || null");
        assertTrue(stopName != null, "stops are named after their roads or places");
        WebElement search = page.browser.findElement(By.id("search-input"));
        search.sendKeys(stopName, Keys.ENTER);
        WebElement hit = page.await(10).until(d -> d.findElements(By.cssSelector("#search-results button[data-kind='stop']"))
                .stream().filter(b -> b.getText().contains(stopName)).findFirst().orElse(null));
        hit.sendKeys(Keys.ENTER);
        page.await(10).until(d -> d.findElements(By.cssSelector(".leaflet-popup-content")).stream()
                .anyMatch(e -> e.getText().contains(stopName)));
        String popup = page.text(".leaflet-popup-content");
        assertTrue(popup.matches("(?s).*(早班|放学班).*\\d\\d:\\d\\d.*"), popup);
        page.screenshot("whole-job-5-stop");

        // The edit mode: the longest run's first two stops swapped is a new version, re-timed and re-validated; undo.
        String timesBefore = timetable(planId, runIdOfLongest());
        page.js("document.getElementById('plan-edit-panel').scrollIntoView()");
        page.browser.findElement(By.id("plan-edit-toggle")).click();
        page.await(30).until(d -> !verdict().isEmpty() && "false".equals(editPanel().getAttribute("data-busy")));
        assertEquals("规则：全部满足", page.text("#plan-edit-verdict"), "the planned version holds every rule");
        assertEquals("当前版本：方案 " + planId, page.text("#plan-edit-version"));
        Select run = new Select(page.browser.findElement(By.id("plan-edit-run")));
        String runId = runIdOfLongest();
        List<String> before = showEditRun(run, runId);
        assertTrue(before.size() >= 2, "a run with two stops or more to reorder: " + before);
        page.browser.findElement(By.cssSelector("#plan-edit-run-stops li .plan-edit-down")).click();
        String edited = awaitVersionOtherThan(planId);
        assertEquals("当前版本：方案 " + edited, page.text("#plan-edit-version"));
        assertTrue(page.text("#plan-edit-changes").startsWith("趟次 " + runId + " 的停靠顺序改为"), page.text("#plan-edit-changes"));
        List<String> swapped = new ArrayList<>(before);
        swapped.set(0, before.get(1));
        swapped.set(1, before.get(0));
        assertEquals(swapped, showEditRun(run, runId), "the run calls in the new order");
        assertVerdictMatchesViolations();
        assertNotEquals(timesBefore, timetable(edited, runId), "the run is re-timed in its new order");
        page.screenshot("whole-job-6-edit");
        page.browser.findElement(By.id("plan-edit-undo")).click();
        assertEquals(planId, awaitVersionOtherThan(edited), "undo shows the planned version again");
        assertEquals("规则：全部满足", page.text("#plan-edit-verdict"));
        assertTrue(page.browser.findElements(By.cssSelector("#plan-edit-violations li")).isEmpty());
        assertEquals(before, showEditRun(run, runId), "the planned order again");
        assertEquals(timesBefore, timetable(planId, runId));

        // A swap that breaks a rule (a cap, or a bus late for its next run): runs in the picker's order are tried, each valid swap undone, until one shows
        // its broken rules; undo clears them.
        String broken = null;
        for (String other : run.getOptions().stream().map(o -> o.getAttribute("value")).toList()) {
            if (showEditRun(run, other).size() < 2) continue;
            page.browser.findElement(By.cssSelector("#plan-edit-run-stops li .plan-edit-down")).click();
            String version = awaitVersionOtherThan(planId);
            assertVerdictMatchesViolations();
            if ("false".equals(verdict())) {
                broken = version;
                break;
            }
            page.browser.findElement(By.id("plan-edit-undo")).click();
            assertEquals(planId, awaitVersionOtherThan(version));
        }
        assertTrue(broken != null, "some swap of two stops breaks a rule");
        List<String> violations = page.browser.findElements(By.cssSelector("#plan-edit-violations li")).stream()
                .map(WebElement::getText).toList();
        // Each broken rule by its Chinese name, then its subject (a student, a run or a bus).
        assertTrue(violations.stream().allMatch(v -> v.matches("[^\\x00-\\x7F]+：\\S+")), violations.toString());
        page.screenshot("whole-job-6-broken");
        page.browser.findElement(By.id("plan-edit-undo")).click();
        assertEquals(planId, awaitVersionOtherThan(broken));
        assertEquals("规则：全部满足", page.text("#plan-edit-verdict"));
        assertTrue(page.browser.findElements(By.cssSelector("#plan-edit-violations li")).isEmpty());

        // The summary panel: the unserved and cap-infeasible lists downloaded with a click, CSV with a BOM and Chinese headers.
        page.await(30).until(d -> d.findElements(By.cssSelector("#plan-school-table tbody tr")).size() == schoolCount);
        page.js("document.getElementById('plan-summary-panel').scrollIntoView()");
        page.screenshot("whole-job-7-summary");
        List<String> capList = downloadList("cap-infeasible");
        List<String> unservedList = downloadList("unserved");
        assertTrue(capList.get(0).startsWith("学生编号,学校编号,学校,年级"), capList.get(0));
        assertEquals(capInfeasible, capList.size() - 1, "one row per cap-infeasible student: " + capList);
        assertTrue(capList.stream().skip(1).allMatch(l -> l.startsWith("Y")), capList.toString());
        assertTrue(unservedList.get(0).startsWith("学生编号"), unservedList.get(0));
        assertEquals(unserved, unservedList.size() - 1, "one row per unserved student: " + unservedList);
    }

    /** Clicks a list's CSV link and reads the file the browser saved: its lines, after checking the BOM. */
    private List<String> downloadList(String list) throws Exception {
        Path[] before = files();
        WebElement link = page.browser.findElement(By.cssSelector("#plan-lists a[data-list='" + list + "'][data-format=csv]"));
        link.click();
        Path file = page.await(30).until(d -> Arrays.stream(files()).filter(f -> !Arrays.asList(before).contains(f))
                .filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null));
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(BOM, Arrays.copyOf(bytes, 3), "Excel opens a UTF-8 CSV as such only with a BOM: " + file.getFileName());
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).strip().lines().toList();
    }

    private Path[] files() {
        try (Stream<Path> list = Files.list(downloads)) {
            return list.sorted().toArray(Path[]::new);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The morning run with the most calls in the route list of the plan on show (the first of equals). */
    private String runIdOfLongest() {
        return (String) page.js("const runs = Object.values(window.xiaocheMap.state.runsById).filter(r => r.direction === 'AM');"
                + " const calls = r => window.xiaocheMap.layers.stops.getLayers().filter(l => (l.feature.properties.arrival_times || '')"
                + ".split('; ').some(c => c.startsWith(r.runId + ' '))).length;"
                + " return runs.map(r => [calls(r), r.runId]).sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1]))[0][1];");
    }

    /** A run's timetable as the page shows it once its route-list row is clicked (plan {@code planId} on show). */
    private String timetable(String planId, String runId) {
        assertEquals(planId, shownPlan());
        WebElement row = page.browser.findElement(By.cssSelector("#route-list tbody tr[data-run-id='" + runId + "']"));
        page.js("document.getElementById('route-list').scrollIntoView()");
        row.click();
        page.await(15).until(d -> runId.equals(d.findElement(By.id("timetable")).getAttribute("data-run-id"))
                && !d.findElements(By.cssSelector("#timetable tbody tr")).isEmpty());
        return page.text("#timetable tbody");
    }

    /** Chooses a run in the edit panel's picker; returns its stops once listed. */
    private List<String> showEditRun(Select run, String runId) {
        if (!runId.equals(run.getFirstSelectedOption().getAttribute("value"))) run.selectByValue(runId);
        page.await(15).until(d -> runId.equals(d.findElement(By.id("plan-edit-run-stops")).getAttribute("data-run-id")));
        return runStops();
    }

    private List<String> runStops() {
        return page.browser.findElements(By.cssSelector("#plan-edit-run-stops li")).stream()
                .map(li -> li.getAttribute("data-stop-id")).toList();
    }

    private String awaitVersionOtherThan(String before) {
        page.await(60).until(d -> !before.equals(shownPlan()) && "false".equals(editPanel().getAttribute("data-busy"))
                && shownPlan().equals(editPanel().getAttribute("data-plan-id")) && !verdict().isEmpty());
        return shownPlan();
    }

    /** The verdict line and the list of violations tell the same story. */
    private void assertVerdictMatchesViolations() {
        int violations = page.browser.findElements(By.cssSelector("#plan-edit-violations li")).size();
        if ("true".equals(verdict())) {
            assertEquals(0, violations);
            assertEquals("规则：全部满足", page.text("#plan-edit-verdict"));
        } else {
            assertNotEquals(0, violations);
            assertEquals("规则：" + violations + " 处违反", page.text("#plan-edit-verdict"));
        }
    }

    private WebElement editPanel() {
        return page.browser.findElement(By.id("plan-edit-panel"));
    }

    private String verdict() {
        String v = page.browser.findElement(By.id("plan-edit-verdict")).getAttribute("data-valid");
        return v == null ? "" : v;
    }

    private String shownPlan() {
        return (String) page.js("return window.xiaocheMap.shownPlanId");
    }

    /** A figure of the plan summary by its label. */
    private int figure(String label) {
        List<WebElement> terms = page.browser.findElements(By.cssSelector("#plan-summary dt"));
        List<WebElement> values = page.browser.findElements(By.cssSelector("#plan-summary dd"));
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).getText().equals(label)) return Integer.parseInt(values.get(i).getText());
        }
        throw new AssertionError("no figure " + label + " in " + page.text("#plan-summary"));
    }

    private WebElement policyInput(String path) {
        return page.browser.findElement(By.cssSelector("#policy-form tr[data-path='" + path + "'] input"));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static void retype(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /** Waits for the job the page follows to end, checks it succeeded, and clears the state for the next job. */
    private void awaitJob(int seconds) {
        page.await(seconds).until(d -> {
            if (d.findElement(By.id("page-message")).isDisplayed()) throw new AssertionError("refused: " + page.text("#page-message"));
            String state = d.findElement(By.id("job-progress")).getAttribute("data-state");
            return state != null && !state.isEmpty() && !state.equals("queued") && !state.equals("running");
        });
        assertEquals("succeeded", page.browser.findElement(By.id("job-progress")).getAttribute("data-state"),
                page.text("#job-progress"));
        // No cancel button once the job has ended (the page hides it as it shows the end).
        page.await(5).until(d -> !d.findElement(By.id("job-cancel")).isDisplayed());
        page.js("document.getElementById('job-progress').dataset.state = ''");
    }
}
