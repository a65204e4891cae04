package org.xiaoche.routing.scenario;

import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanResult;

import java.util.List;

/**
 * A scenario run: the inputs it planned (closed schools removed, their students moved), who moved where,
 * and the planning result, whose {@code plan()} is the scenario's plan with its validator report.
 */
public record ScenarioResult(Scenario scenario, PlanInput input, List<Reassignment> reassignments, PlanResult result) {
    public ScenarioResult {
        reassignments = List.copyOf(reassignments);
    }

    /** This scenario as one side of a comparison. */
    public ComparedPlan compared() {
        return new ComparedPlan(scenario.name(), result.plan(), input, result.eligibility(), reassignments,
                scenario.closedSchoolIds());
    }
}
