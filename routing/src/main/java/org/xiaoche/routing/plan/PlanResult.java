package org.xiaoche.routing.plan;

import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.stops.StopPlan;
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.validation.ValidationReport;

/**
 * One planning run: the {@link Plan} value, and the intermediate stages (eligibility of every
 * student, the stop plan) that writers of per-student files need but the plan does not keep.
 */
public record PlanResult(EligibilityResult eligibility, StopPlan stops, PlanTimetable timetable,
                         ValidationReport validation, PlanSummary summary, Plan plan) {
}
