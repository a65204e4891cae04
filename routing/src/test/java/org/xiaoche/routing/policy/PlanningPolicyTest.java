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
}
