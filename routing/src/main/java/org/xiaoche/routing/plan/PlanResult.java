package org.xiaoche.routing.plan;

import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.stops.StopPlan;
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.validation.ValidationReport;

/** Everything one planning run produced, stage by stage, with the validator's verdict. */
public record PlanResult(EligibilityResult eligibility, StopPlan stops, PlanTimetable timetable,
                         ValidationReport validation, PlanSummary summary) {
}
