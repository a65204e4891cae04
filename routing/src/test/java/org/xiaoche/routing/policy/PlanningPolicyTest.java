package org.xiaoche.routing.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanningPolicyTest {

    @TempDir
    Path dir;

    @Test
    void walkToStopDefaultsFollowTheDesignBrief() {
        PlanningPolicy policy = PlanningPolicy.defaults();
        assertEquals(500, policy.maxWalkToStop_m());
        assertEquals(300, policy.maxWalkToStopGrades1to3_m());
        assertEquals(300, policy.maxWalkToStopFor_m(1));
        assertEquals(300, policy.maxWalkToStopFor_m(3));
        assertEquals(500, policy.maxWalkToStopFor_m(4));
        assertEquals(500, policy.maxWalkToStopFor_m(9));
        assertEquals(300, policy.maxWalkToStopFor_m(0), "kindergarten children are younger than grade 1");
    }

    @Test
    void policyFileSetsWalkToStopAndKeepsOtherDefaults() throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{ // door-to-door pick-up\n \"maxWalkToStop_m\": 0, \"maxWalkToStopGrades1to3_m\": 0 }");
        PlanningPolicy policy = PlanningPolicy.read(file);
        assertEquals(0, policy.maxWalkToStop_m());
        assertEquals(0, policy.maxWalkToStopGrades1to3_m());
        assertEquals(PlanningPolicy.DEFAULT_WALK_THRESHOLD_M, policy.walkThreshold_m());
    }

    @Test
    void youngerChildrenMayNotWalkFartherThanOlderOnes() throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{ \"maxWalkToStop_m\": 400, \"maxWalkToStopGrades1to3_m\": 450 }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(e.getMessage().contains("maxWalkToStopGrades1to3_m"), e.getMessage());
    }

    @Test
    void schoolDaysPerYearDefaultsTo190AndIsBounded() throws IOException {
        assertEquals(190, PlanningPolicy.defaults().schoolDaysPerYear());
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{ \"schoolDaysPerYear\": 200 }");
        assertEquals(200, PlanningPolicy.read(file).schoolDaysPerYear());
        assertEquals(200, PlanningPolicy.read(file).withRoutes(RouteRules.defaults()).schoolDaysPerYear(),
                "another rule changed keeps the days");
        Files.writeString(file, "{ \"schoolDaysPerYear\": 400 }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(e.getMessage().contains("schoolDaysPerYear"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.defaults().withSchoolDaysPerYear(0));
    }

    @Test
    void negativeWalkToStopIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanningPolicy.defaults().withMaxWalkToStop(-1, 0));
        assertTrue(e.getMessage().contains("maxWalkToStop_m"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.defaults().withMaxWalkToStop(500, Double.NaN));
    }

    @Test
    void fourArgumentConstructorKeepsWalkToStopDefaults() {
        PlanningPolicy policy = new PlanningPolicy(2_000, Map.of(1, 1_500.0), 300, 3_000);
        assertEquals(500, policy.maxWalkToStop_m());
        assertEquals(300, policy.maxWalkToStopGrades1to3_m());
    }

    @Test
    void routeRulesMergeFieldByFieldAndMisspeltRulesAreErrors() throws IOException {
        Path file = dir.resolve("routes.json");
        Files.writeString(file, "{ \"routes\": { \"rideCap_s\": 3600 } }");
        PlanningPolicy policy = PlanningPolicy.read(file);
        assertEquals(3600, policy.routes().rideCap_s());
        assertEquals(30 * 60, policy.routes().journeyCapGrades1to3_s(), "other route rules keep their defaults");
        assertEquals(2_000, policy.walkThreshold_m());

        Files.writeString(file, "{ \"routes\": { \"rideCapSeconds\": 3600 } }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(e.getMessage().contains("rideCapSeconds"), e.getMessage());

        Files.writeString(file, "{ \"routes\": { \"arrivalEarliestBeforeBell_s\": 60 } }");
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(window.getMessage().contains("arrivalEarliestBeforeBell_s"), window.getMessage());
    }

    @Test
    void youngPupilsAreGradesOneToThreeAndKindergarten() {
        PlanningPolicy policy = PlanningPolicy.defaults();
        assertEquals(List.of(0, 1, 2, 3), policy.youngGrades());
        for (int grade = 0; grade <= 9; grade++) {
            assertEquals(grade <= 3, policy.isYoungPupil(grade), "grade " + grade);
        }
    }

    @Test
    void policyFileChangesTheYoungGradesAndTheirWalk() throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{ \"youngGrades\": [3, 1, 2, 2] }");
        PlanningPolicy policy = PlanningPolicy.read(file);
        assertEquals(List.of(1, 2, 3), policy.youngGrades(), "sorted, without repeats");
        assertFalse(policy.isYoungPupil(0));
        assertEquals(500, policy.maxWalkToStopFor_m(0));
        assertEquals(300, policy.maxWalkToStopFor_m(2));
    }

    @Test
    void badYoungGradesAreErrorsNamingTheField() throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{ \"youngGrades\": [1, 13] }");
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(range.getMessage().contains("youngGrades") && range.getMessage().contains("13"), range.getMessage());

        Files.writeString(file, "{\n  \"youngGrades\": \"1-3\" }");
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertEquals("policy.json: line 2, field 'youngGrades': wrong kind of value: expected a list [ … ]", type.getMessage());

        Files.writeString(file, "{ \"youngGrades\": null }");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(missing.getMessage().contains("youngGrades must be a list"), missing.getMessage());
    }

    @Test
    void stopRoadClassesDefaultToOrdinaryRoadsAndAreChecked() throws IOException {
        PlanningPolicy policy = PlanningPolicy.defaults();
        assertFalse(policy.stopRoadClasses().contains("trunk"));
        assertFalse(policy.stopRoadClasses().contains("motorway"));
        assertTrue(policy.stopRoadClasses().containsAll(List.of("primary", "secondary", "tertiary", "unclassified", "residential")));
        assertEquals(List.of("bridge", "tunnel"), policy.noStopRoadEnvironments());

        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{ \"stopRoadClasses\": [\"Trunk\", \"primary_link\", \"residential\"], \"noStopRoadEnvironments\": [\"tunnel\"] }");
        PlanningPolicy wider = PlanningPolicy.read(file);
        assertEquals(List.of("primary_link", "residential", "trunk"), wider.stopRoadClasses());
        assertEquals(List.of("tunnel"), wider.noStopRoadEnvironments());

        Files.writeString(file, "{ \"stopRoadClasses\": [\"motorway\"] }");
        IllegalArgumentException motorway = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(motorway.getMessage().contains("'motorway' is not allowed") && motorway.getMessage().contains("第八十二条"),
                motorway.getMessage());

        Files.writeString(file, "{ \"stopRoadClasses\": [\"country_lane\"] }");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(unknown.getMessage().startsWith("policy.json: stopRoadClasses: 'country_lane' is not an OSM highway value"),
                unknown.getMessage());

        Files.writeString(file, "{ \"stopRoadClasses\": [] }");
        assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));

        Files.writeString(file, "{ \"noStopRoadEnvironments\": [\"viaduct\"] }");
        IllegalArgumentException environment = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(environment.getMessage().contains("'viaduct' is not one of"), environment.getMessage());
    }

    @Test
    void walkToABusRoadIsBoundedAndNeverBelowTheWalkToAStop() throws IOException {
        assertEquals(3_000, PlanningPolicy.defaults().maxWalkToBusRoad_m());
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{ \"maxWalkToBusRoad_m\": 400 }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertTrue(e.getMessage().contains("maxWalkToBusRoad_m (400.0) must be at least maxWalkToStop_m (500.0)"), e.getMessage());

        Files.writeString(file, "{ \"maxWalkToStop_m\": 4000 }");
        assertEquals(4_000, PlanningPolicy.read(file).maxWalkToBusRoad_m(), "left out, the bound follows a longer walk limit");

        Files.writeString(file, "{ \"maxWalkToBusRoad_m\": -1 }");
        assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file));
        assertEquals(1_500, PlanningPolicy.defaults().withMaxWalkToBusRoad(1_500).maxWalkToBusRoad_m());
    }

    @Test
    void shippedDefaultPolicyFileEqualsTheDefaults() throws IOException {
        Path file = dir.resolve("default-policy.json");
        try (InputStream in = PlanningPolicy.class.getResourceAsStream("default-policy.json")) {
            Files.copy(in, file);
        }
        assertEquals(PlanningPolicy.defaults(), PlanningPolicy.read(file));
        String text = Files.readString(file);
        for (String source : new String[] {"国办发〔2018〕27号", "第六十三条", "第八十二条", "烟政办字〔2023〕50号"}) {
            assertTrue(text.contains(source), "the file cites " + source);
        }
    }

    private String refused(String json) throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, json);
        return assertThrows(IllegalArgumentException.class, () -> PlanningPolicy.read(file)).getMessage();
    }

    @Test
    void valuesHaveUpperBoundsWithClearMessages() throws IOException {
        assertEquals("policy.json: routes.solverSeconds must be at most 3600, got 1000000000",
                refused("{ \"routes\": { \"solverSeconds\": 1000000000 } }"));
        assertEquals("policy.json: routes.rideCap_s must be at most 10800, got 10801",
                refused("{ \"routes\": { \"rideCap_s\": 10801 } }"));
        assertTrue(refused("{ \"routes\": { \"journeyCapGrades1to3_s\": 1e9 } }")
                .contains("routes.journeyCapGrades1to3_s must be at most 10800"));
        assertTrue(refused("{ \"routes\": { \"childWalkSpeed_mps\": 40 } }").contains("childWalkSpeed_mps must be at most 3"));
        assertTrue(refused("{ \"routes\": { \"chaperoneCostPerBusDay\": 1e400 } }")
                .contains("chaperoneCostPerBusDay must be zero or positive, got Infinity"));
        assertTrue(refused("{ \"walkThreshold_m\": 1e7 }").contains("walkThreshold_m must be at most 50000 metres"));
        assertTrue(refused("{ \"maxOutsideArea_m\": 1e6 }").contains("maxOutsideArea_m must be at most 50000 metres"));
        assertTrue(refused("{ \"maxWalkToBusRoad_m\": 20000 }").contains("maxWalkToBusRoad_m must be at most 10000 metres"));
        assertTrue(refused("{ \"gradeWalkThreshold_m\": { \"3\": 90000 } }").contains("gradeWalkThreshold_m[3] must be at most"));
        // The bounds themselves are accepted.
        Path file = dir.resolve("ok.json");
        Files.writeString(file, "{ \"routes\": { \"solverSeconds\": 3600, \"rideCap_s\": 10800 } }");
        assertEquals(3600, PlanningPolicy.read(file).routes().solverSeconds());
    }

    private org.xiaoche.routing.roster.io.ImportProblem problem(String json) throws IOException {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, json);
        SettingsFileException e = assertThrows(SettingsFileException.class, () -> PlanningPolicy.read(file));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    /** Each refusal says again, with the setting, a code and the values, what its English message says. */
    @Test
    void refusalsNameTheSettingWithACodeAndItsValues() throws IOException {
        var cap = problem("{ \"routes\": { \"rideCap_s\": 10801 } }");
        assertEquals(List.of("policy.json", "routes.rideCap_s", "above-max", "routes.rideCap_s must be at most 10800, got 10801"),
                List.of(cap.file(), cap.field(), cap.code(), cap.reason()));
        assertEquals(List.of("10800", "10801"), cap.args());
        assertEquals(0, cap.line(), "a setting is found by its name");
        var zero = problem("{ \"walkThreshold_m\": 0 }");
        assertEquals(List.of("walkThreshold_m", "not-positive", "0"), List.of(zero.field(), zero.code(), zero.args().get(0)));
        var order = problem("{ \"maxWalkToStop_m\": 300, \"maxWalkToStopGrades1to3_m\": 400 }");
        assertEquals(List.of("maxWalkToStopGrades1to3_m", "young-walk-above-walk", "400", "300"),
                List.of(order.field(), order.code(), order.args().get(0), order.args().get(1)));
        var motorway = problem("{ \"stopRoadClasses\": [\"primary\", \"motorway\"] }");
        assertEquals(List.of("stopRoadClasses", "no-stop-on-motorway", "motorway"),
                List.of(motorway.field(), motorway.code(), motorway.args().get(0)));
        assertEquals("stopRoadClasses", problem("{ \"stopRoadClasses\": [] }").field());
        var unknown = problem("{\n  \"walkThreshold\": 2000\n}");
        assertEquals(List.of("walkThreshold", "unknown-field", "walkThreshold"), List.of(unknown.field(), unknown.code(), unknown.args().get(0)));
        assertTrue(unknown.args().get(1).contains("walkThreshold_m"), unknown.args().toString());
        var text = problem("{\n  \"walkThreshold_m\": \"2公里\"\n}");
        assertEquals(List.of("walkThreshold_m", "expected-number"), List.of(text.field(), text.code()));
        var comma = problem("{\n  \"walkThreshold_m\": 2000,\n}");
        assertEquals("invalid-json", comma.code());
        assertEquals(3, comma.line(), "a syntax error has a line and no field");
        assertEquals("3", comma.args().get(0));
        assertEquals("empty-file", problem("").code());
        assertEquals("not-a-json-object", problem("[2000]").code());
        var term = problem("{ \"termCalendar\": { \"firstDay\": \"2026-09-01\", \"lastDay\": \"2026-08-01\","
                + " \"holidays\": [], \"weekdays\": [\"MONDAY\"] } }");
        assertEquals(List.of("termCalendar.lastDay", "term-ends-before-start", "2026-08-01", "2026-09-01"),
                List.of(term.field(), term.code(), term.args().get(0), term.args().get(1)));
    }
}
