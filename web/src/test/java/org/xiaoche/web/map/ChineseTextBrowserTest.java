package org.xiaoche.web.map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.plan.PlanStep;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page and panel in zh-CN, as planner, viewer and operator, with every kind of popup opened: no
 * English machine word may show. Words of the data (names and ids of the fixture) and a short list of
 * proper names and file formats are allowed; anything else in Latin letters is an untranslated string.
 */
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class ChineseTextBrowserTest extends BrowserTestBase {

    private static final String PASSWORD = "chinese-text-pw";
    /** Data of the fixture (names, ids, user names) and words that are the same in Chinese text. */
    private static final Set<String> ALLOWED = Set.of(
            "Village", "School", "Crowd", "planner", "viewer", "operator",
            "English", "OSM", "osm", "pbf", "gz", "CSV", "XLSX", "GeoJSON", "wgs", "cgcs", "gcj", "bd", "jsprit", "Leaflet",
            // file formats of the downloads, named as they are in Chinese too
            "GTFS", "GPX", "PDF", "zip");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");
    /** Run ids such as B01-AM1 (bus, direction, trip): ids, not words. */
    private static final Pattern RUN_ID = Pattern.compile("\\b[A-Za-z0-9]+-(AM|PM)\\d+\\b");

    @Autowired
    EligibilityStep eligibility;
    @Autowired
    PlanStep planning;
    @Autowired
    org.xiaoche.web.adoption.AdoptionService adoptions;
    @Autowired
    org.xiaoche.web.operator.OperatorService operators;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;

    long regionId;

    @BeforeAll
    void data() throws Exception {
        regionId = Village.importRegion(regions, jobs, "planner");
        long datasetId = Village.importRoster(datasets, regionId, "Crowd", "students-crowd.csv", "planner");
        eligibility.compute(datasetId, PlanningPolicy.defaults(), null, ProgressListener.NONE);
        // A small fleet: the plan is short of buses, so the shortfall and its texts show too.
        long planId = planning.compute(datasetId, new Fleet(List.of(new BusType("minibus", 19, 450, 2.2, 1)), List.of()),
                PlanningPolicy.defaults(), null, "planner", ProgressListener.NONE);
        for (Role role : new Role[]{Role.PLANNER, Role.VIEWER, Role.OPERATOR}) {
            accounts.create(role.code(), PASSWORD, role);
        }
        // Operators see adopted plans only, with their company's buses.
        org.xiaoche.web.Fixtures.adoptForOperator(adoptions, operators, accounts, users, planId, "operator", "2026-09-01", "2027-01-31");
    }

    @Test
    void everyPageAndPanelIsInChineseForEveryRole() {
        Set<String> found = new TreeSet<>();
        for (String role : List.of("planner", "viewer", "operator")) {
            page = MapPage.signIn(port, role, PASSWORD);
            page.await(30).until(d -> !d.findElements(By.cssSelector("#region-list tbody tr")).isEmpty());
            found.addAll(untranslated(role + " regions", pageTexts()));
            page.openMapWithPlan(regionId);
            if (role.equals("planner")) {
                page.browser.findElement(By.id("run-eligibility")).click();
                page.await(60).until(d -> "succeeded".equals(d.findElement(By.id("job-progress")).getAttribute("data-state")));
                page.await(60).until(d -> page.js("return window.xiaocheMap.shownRun") != null);
            }
            if (!role.equals("operator")) {
                // Operators are not told what a plan was made from (its fleet and policy are the planners').
                page.browser.findElement(By.cssSelector("#plan-inputs-panel summary")).click();
            }
            if (role.equals("planner")) {
                page.await(15).until(d -> d.findElement(By.id("plan-settings")).isDisplayed());
                page.browser.findElement(By.cssSelector("#plan-settings summary")).click();
            }
            if (!role.equals("operator")) {
                // The plan summary panel (operators get none: it counts students).
                page.await(15).until(d -> !d.findElements(By.cssSelector("#plan-school-table tbody tr")).isEmpty());
            }
            if (role.equals("planner")) {
                // The edit mode, with its run, stop, student and bell controls.
                page.await(15).until(d -> d.findElement(By.id("plan-edit-toggle")).isDisplayed());
                page.browser.findElement(By.id("plan-edit-toggle")).click();
                page.await(15).until(d -> d.findElement(By.id("plan-edit-body")).isDisplayed());
            }
            if (!role.equals("operator")) {
                // The hand-over: who runs each bus, the companies (planners) and the adoption history, opened.
                page.await(15).until(d -> d.findElement(By.id("adoption-buses")).isDisplayed());
                page.browser.findElement(By.cssSelector("#adoption-buses summary")).click();
                page.await(15).until(d -> !d.findElements(By.cssSelector("#adoption-bus-table tbody tr")).isEmpty());
                page.browser.findElement(By.cssSelector("#adoption-history summary")).click();
            }
            if (role.equals("planner")) {
                page.browser.findElement(By.cssSelector("#operator-companies summary")).click();
                page.await(15).until(d -> !d.findElements(By.cssSelector("#company-table tbody tr")).isEmpty());
            }
            page.browser.findElement(By.cssSelector("#route-list tbody tr")).click();
            page.await(15).until(d -> !d.findElements(By.cssSelector("#timetable tbody tr")).isEmpty());
            found.addAll(untranslated(role + " map", pageTexts()));
            for (String layer : List.of("stops", "routes", "riders", "students", "schools")) {
                if (page.count(layer) > 0) {
                    found.addAll(untranslated(role + " " + layer + " popups", popupTexts(layer)));
                }
            }
            if (!role.equals("operator")) {
                // The region's scenario page (operators never see scenarios).
                page.browser.get("http://localhost:" + port + "/scenarios/" + regionId);
                page.await(60).until(d -> "true".equals(d.findElement(By.id("scenario-page")).getAttribute("data-ready")));
                found.addAll(untranslated(role + " scenarios", pageTexts()));
            }
            page.close();
            page = null;
        }
        assertEquals(Set.of(), found, "untranslated words on the Chinese pages");
    }

    /** Visible text, every picker option and every tooltip title of the page. */
    private String pageTexts() {
        return (String) page.js("return document.body.innerText + '\\n'"
                + " + [...document.querySelectorAll('option')].map(o => o.textContent).join('\\n') + '\\n'"
                + " + [...document.querySelectorAll('[title]')].map(e => e.title).join('\\n');");
    }

    /** The popup or tooltip text of every feature of a layer (at most 30), each opened in turn. */
    private String popupTexts(String layer) {
        String text = (String) page.js("const out = [];"
                + " window.xiaocheMap.layers." + layer + ".getLayers().slice(0, 30).forEach(l => {"
                + "  if (l.getPopup()) { l.openPopup(); out.push(l.getPopup().getElement().innerText); l.closePopup(); }"
                + "  if (l.getTooltip()) { l.openTooltip(); out.push(l.getTooltip().getElement().innerText); l.closeTooltip(); }"
                + " }); return out.join('\\n');");
        assertTrue(!text.isBlank(), layer + " popups have text");
        return text;
    }

    private static Set<String> untranslated(String where, String text) {
        Set<String> words = new TreeSet<>();
        for (String line : text.split("\n")) {
            Matcher m = WORD.matcher(RUN_ID.matcher(line).replaceAll(""));
            while (m.find()) {
                if (!ALLOWED.contains(m.group())) {
                    words.add(where + ": " + m.group() + " in «" + line.trim() + "»");
                }
            }
        }
        return words;
    }
}
