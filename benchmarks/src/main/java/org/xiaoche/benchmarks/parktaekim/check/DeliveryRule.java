package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkStop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every student who boards is taken to their own school later on the same bus. */
public final class DeliveryRule implements CheckRule {

    @Override
    public String name() {
        return "delivery";
    }

    @Override
    public List<Violation> check(CheckContext context, List<BusTimetable> buses) {
        List<Violation> violations = new ArrayList<>();
        for (BusTimetable bus : buses) {
            Set<Integer> pendingSchools = new HashSet<>();
            for (Visit visit : bus.visits()) {
                ParkStop stop = context.stops.get(visit.id());
                if (stop != null) {
                    pendingSchools.add(stop.schoolId());
                } else {
                    pendingSchools.remove(visit.id());
                }
            }
            for (int school : pendingSchools) {
                violations.add(new Violation(name(), bus.busId(), "students of school " + school + " never dropped"));
            }
        }
        return violations;
    }
}
