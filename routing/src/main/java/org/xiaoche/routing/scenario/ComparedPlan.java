package org.xiaoche.routing.scenario;

import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanInput;

import java.util.List;
import java.util.Set;

/**
 * One side of a {@link Comparison}: a plan with the inputs and eligibility it was made from, and for a
 * scenario the students it moved and the schools it closed.
 */
public record ComparedPlan(String name, Plan plan, PlanInput input, EligibilityResult eligibility,
                           List<Reassignment> reassignments, Set<String> closedSchoolIds) {
    public ComparedPlan {
        reassignments = List.copyOf(reassignments);
        closedSchoolIds = Set.copyOf(closedSchoolIds);
    }
}
