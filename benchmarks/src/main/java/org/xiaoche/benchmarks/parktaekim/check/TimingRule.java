package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkStop;

import java.util.ArrayList;
import java.util.List;

/**
 * Times are physically possible: each dwell lasts at least 19 + 2.6n s at a stop and 29 + 1.9n s at
 * a school dropping n students, and each leg (also between chained runs) takes at least the
 * Manhattan distance at 20 mph. Waiting is allowed.
 */
public final class TimingRule implements CheckRule {

    @Override
    public String name() {
        return "timing";
    }

    @Override
    public List<Violation> check(CheckContext context, List<BusTimetable> buses) {
        List<Violation> violations = new ArrayList<>();
        for (BusTimetable bus : buses) {
            List<Visit> visits = bus.visits();
            int[] dropped = CheckContext.dropped(context, visits);
            for (int k = 0; k < visits.size(); k++) {
                Visit visit = visits.get(k);
                if (!context.known(visit.id())) {
                    continue;
                }
                ParkStop stop = context.stops.get(visit.id());
                double dwell_s = stop != null ? CheckContext.stopDwell_s(stop.students())
                        : CheckContext.schoolDwell_s(dropped[k]);
                if (visit.departure_s() - visit.arrival_s() < dwell_s - context.tolerance_s) {
                    violations.add(new Violation(name(), bus.busId(), String.format(
                            "visit %d (id %d): dwell %.1f s < %.1f s", k + 1, visit.id(),
                            visit.departure_s() - visit.arrival_s(), dwell_s)));
                }
                if (k > 0 && context.known(visits.get(k - 1).id())) {
                    Visit previous = visits.get(k - 1);
                    double travel_s = context.travel_s(previous.id(), visit.id());
                    if (visit.arrival_s() - previous.departure_s() < travel_s - context.tolerance_s) {
                        violations.add(new Violation(name(), bus.busId(), String.format(
                                "leg %d→%d: %.1f s < travel %.1f s", previous.id(), visit.id(),
                                visit.arrival_s() - previous.departure_s(), travel_s)));
                    }
                }
            }
        }
        return violations;
    }
}
