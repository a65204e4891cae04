package org.xiaoche.routing.plan.edit;

import org.xiaoche.routing.plan.Plan;

import java.util.List;

/** A plan after hand edits, with its re-timed runs, summary and validator's report, and what changed. */
public record EditedPlan(Plan plan, List<PlanChange> changes) {
    public EditedPlan {
        changes = List.copyOf(changes);
    }
}
