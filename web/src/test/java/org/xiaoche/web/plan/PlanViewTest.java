package org.xiaoche.web.plan;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A plan the validator rejected is shown as invalid to every role; what each role sees of it. */
class PlanViewTest {

    private final Plan rejected = new Plan(7, 1, 1, 3L, "jsprit", false, "INVALID: 1 violations (2 runs, 40 students)",
            "ride cap [P0042]: ride 50 min > 45 min", 41, 40, 1, 0, 5, 1, 2, 30.5, 900, 600.0, 1200.0, 3000.0, 1, "pia",
            Instant.EPOCH);

    @Test
    void plannersSeeTheVerdictAndTheViolations() {
        PlanController.PlanView view = PlanController.PlanView.of(rejected, PlanAudience.PLANNER, true);
        assertFalse(view.valid());
        assertEquals("INVALID: 1 violations (2 runs, 40 students)", view.validatorVerdict());
        assertEquals(List.of("ride cap [P0042]: ride 50 min > 45 min"), view.violations());
        assertEquals(1, view.studentsOverCaps());
    }

    @Test
    void viewersSeeCountsButNoViolationsNamingStudents() {
        PlanController.PlanView view = PlanController.PlanView.of(rejected, PlanAudience.VIEWER, true);
        assertFalse(view.valid());
        assertNull(view.violations());
        assertEquals(40, view.transported());
    }

    @Test
    void operatorsSeeOnlyTheWordAndNoCounts() {
        PlanController.PlanView view = PlanController.PlanView.of(rejected, PlanAudience.OPERATOR, true);
        assertFalse(view.valid());
        assertEquals("INVALID", view.validatorVerdict());
        assertNull(view.violations());
        assertNull(view.transported());
        assertNull(view.needingTransport());
        assertNull(view.rideP90_s());
        assertEquals(2, view.runs());
    }
}
