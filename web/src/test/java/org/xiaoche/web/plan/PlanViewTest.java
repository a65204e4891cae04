package org.xiaoche.web.plan;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan the validator rejected is shown as invalid to every role, a plan with a shortfall as
 * incomplete to every role; what each role sees of them.
 */
class PlanViewTest {

    private final Plan rejected = new Plan(7, 1, 1, 3L, "jsprit", false, "INVALID: 1 violations (2 runs, 40 students)",
            "ride cap [P0042]: ride 50 min > 45 min", 41, 40, 1, 0, 5, 1, 2, 30.5, 900, 600.0, 1200.0, 3000.0, 1,
            false, "40 of 41 students needing transport carried; 1 without a bus (no_bus_road_near_home 1)", 0, 0,
            Map.of("NO_BUS_ROAD_NEAR_HOME", 1), 0, "pia", Instant.EPOCH);

    private final Plan shortOfBuses = new Plan(8, 1, 1, 4L, "jsprit", true, "VALID (8 runs, 60 students)", null, 60, 60,
            0, 0, 1, 4, 8, 30.5, 900, 600.0, 1200.0, 1300.0, 0, false,
            "60 of 60 students needing transport carried; 3 buses beyond the fleet", 3, 0, Map.of(), 0, "pia", Instant.EPOCH);

    @Test
    void plannersSeeTheVerdictAndTheViolations() {
        PlanController.PlanView view = PlanController.PlanView.of(rejected, PlanAudience.PLANNER, true);
        assertFalse(view.valid());
        assertEquals("INVALID: 1 violations (2 runs, 40 students)", view.validatorVerdict());
        assertEquals(List.of("ride cap [P0042]: ride 50 min > 45 min"), view.violations());
        assertEquals(1, view.studentsOverCaps());
        assertFalse(view.coverageComplete());
        assertEquals(Map.of("NO_BUS_ROAD_NEAR_HOME", 1), view.unservedByReason());
    }

    @Test
    void plannersAndViewersSeeTheShortfall() {
        for (PlanAudience audience : new PlanAudience[]{PlanAudience.PLANNER, PlanAudience.VIEWER}) {
            PlanController.PlanView view = PlanController.PlanView.of(shortOfBuses, audience, true);
            assertTrue(view.valid());
            assertFalse(view.coverageComplete(), "a shortfall is incomplete coverage");
            assertEquals(3, view.busesBeyondFleet());
            assertTrue(view.coverageVerdict().contains("3 buses beyond the fleet"), view.coverageVerdict());
        }
    }

    @Test
    void viewersSeeCountsButNoViolationsNamingStudents() {
        PlanController.PlanView view = PlanController.PlanView.of(rejected, PlanAudience.VIEWER, true);
        assertFalse(view.valid());
        assertNull(view.violations());
        assertEquals(40, view.transported());
    }

    @Test
    void operatorsSeeOnlyTheWordsAndNoCounts() {
        PlanController.PlanView view = PlanController.PlanView.of(rejected, PlanAudience.OPERATOR, true);
        assertFalse(view.valid());
        assertEquals("INVALID", view.validatorVerdict());
        assertEquals("INCOMPLETE", view.coverageVerdict());
        assertNull(view.violations());
        assertNull(view.transported());
        assertNull(view.needingTransport());
        assertNull(view.rideP90_s());
        assertNull(view.unservedByReason());
        assertEquals(2, view.runs());

        PlanController.PlanView shortfall = PlanController.PlanView.of(shortOfBuses, PlanAudience.OPERATOR, true);
        assertEquals("VALID", shortfall.validatorVerdict());
        assertFalse(shortfall.coverageComplete());
        assertEquals("INCOMPLETE", shortfall.coverageVerdict());
        assertNull(shortfall.busesBeyondFleet());
    }
}
