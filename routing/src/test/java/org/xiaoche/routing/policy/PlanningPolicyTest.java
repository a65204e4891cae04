package org.xiaoche.routing.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
