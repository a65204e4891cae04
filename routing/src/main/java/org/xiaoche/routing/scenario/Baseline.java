package org.xiaoche.routing.scenario;

import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.SchoolBusPlanner;

import java.util.Objects;

/**
 * The plan scenarios start from, with the inputs it was made from (checked against the plan's roster
 * fingerprint) and its eligibility (walkers' walks, which the plan does not keep). Built by
 * {@link ScenarioRunner#baseline}.
 *
 * @param fingerprint {@link PlanCodec#fingerprint} of the plan, which scenarios name
 */
public record Baseline(Plan plan, PlanInput input, EligibilityResult eligibility, String fingerprint) {

    public Baseline {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(eligibility, "eligibility");
        requireSameRoster(plan, input);
    }

    /** Refuses {@code input} unless its roster fingerprint is the one {@code plan} recorded. */
    public static void requireSameRoster(Plan plan, PlanInput input) {
        String roster = SchoolBusPlanner.rosterFingerprint(input);
        if (!roster.equals(plan.inputs().roster())) {
            throw new IllegalArgumentException("the schools and students given are not the ones the baseline plan was made"
                    + " from (roster fingerprint " + roster.substring(0, 12) + "…, the plan's "
                    + plan.inputs().roster().substring(0, Math.min(12, plan.inputs().roster().length())) + "…)");
        }
    }

    /** This baseline as one side of a comparison. */
    public ComparedPlan compared() {
        return new ComparedPlan("baseline", plan, input, eligibility, java.util.List.of(), java.util.Set.of());
    }
}
