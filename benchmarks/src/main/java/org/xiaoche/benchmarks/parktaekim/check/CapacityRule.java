package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkStop;

import java.util.ArrayList;
import java.util.List;

/** Students on board never exceed the 66 seats. */
public final class CapacityRule implements CheckRule {

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public List<Violation> check(CheckContext context, List<BusTimetable> buses) {
        List<Violation> violations = new ArrayList<>();
        for (BusTimetable bus : buses) {
            int[] dropped = CheckContext.dropped(context, bus.visits());
            int onBoard = 0;
            for (int k = 0; k < bus.visits().size(); k++) {
                ParkStop stop = context.stops.get(bus.visits().get(k).id());
                onBoard += stop == null ? -dropped[k] : stop.students();
                if (onBoard > CheckContext.SEATS) {
                    violations.add(new Violation(name(), bus.busId(), onBoard + " on board after visit "
                            + (k + 1) + " (id " + bus.visits().get(k).id() + ")"));
                }
            }
        }
        return violations;
    }
}
