package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkSchool;

import java.util.ArrayList;
import java.util.List;

/** A bus that drops students at a school arrives inside that school's [AMEARLY, AMLATE]. */
public final class ArrivalWindowRule implements CheckRule {

    @Override
    public String name() {
        return "arrival-window";
    }

    @Override
    public List<Violation> check(CheckContext context, List<BusTimetable> buses) {
        List<Violation> violations = new ArrayList<>();
        for (BusTimetable bus : buses) {
            int[] dropped = CheckContext.dropped(context, bus.visits());
            for (int k = 0; k < bus.visits().size(); k++) {
                Visit visit = bus.visits().get(k);
                ParkSchool school = context.schools.get(visit.id());
                if (school == null || dropped[k] == 0) {
                    continue;
                }
                if (visit.arrival_s() < school.amEarly_s() - context.tolerance_s
                        || visit.arrival_s() > school.amLate_s() + context.tolerance_s) {
                    violations.add(new Violation(name(), bus.busId(), String.format(
                            "school %d reached at %.1f s, window [%d, %d]", school.id(), visit.arrival_s(),
                            school.amEarly_s(), school.amLate_s())));
                }
            }
        }
        return violations;
    }
}
