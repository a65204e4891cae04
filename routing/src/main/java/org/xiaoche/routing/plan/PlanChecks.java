package org.xiaoche.routing.plan;

import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.validation.PlanValidator;
import org.xiaoche.routing.validation.ValidationReport;
import org.xiaoche.routing.validation.ValidationRules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a plan to the independent {@link PlanValidator}: the rules as plain numbers from the
 * plan's policy, the students who needed transport, the schools' times, and leg times either from
 * the planning matrix or, for a stored plan, from the legs the plan recorded.
 */
public final class PlanChecks {

    private PlanChecks() {
    }

    /** Re-validates a stored plan with the leg times it recorded. */
    public static ValidationReport revalidate(Plan plan) {
        return validate(plan, (from, to) -> to.legIn_s());
    }

    public static ValidationReport validate(Plan plan, PlanValidator.LegTimes legs) {
        RouteRules rules = plan.policy().routes();
        ValidationRules validationRules = new ValidationRules(rules.rideCap_s(), rules.journeyCapGrades1to3_s(),
                java.util.Set.copyOf(plan.policy().youngGrades()),
                rules.dwellFixed_s(), rules.dwellPerStudent_s(), rules.arrivalEarliestBeforeBell_s(),
                rules.arrivalLatestBeforeBell_s(), 1.0);
        List<PlanValidator.NeedingStudent> needing = plan.needing().stream()
                .map(n -> new PlanValidator.NeedingStudent(n.studentId(), n.schoolId(), n.grade())).toList();
        Map<String, PlanValidator.SchoolTimes> times = new LinkedHashMap<>();
        plan.schools().forEach(s -> times.put(s.id(), new PlanValidator.SchoolTimes(
                java.time.LocalTime.ofSecondOfDay(s.bell_s()), java.time.LocalTime.ofSecondOfDay(s.dismissal_s()))));
        return new PlanValidator(validationRules, legs).validate(plan.timetable(), needing, times);
    }
}
