package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkStop;

import java.util.ArrayList;
import java.util.List;

/**
 * Park's convention: ride = the bus's arrival at the school that drops the student minus its
 * arrival at the student's stop (the stop's dwell counts, the drop-off dwell does not) ≤ MRT.
 */
public final class RideTimeRule implements CheckRule {

    @Override
    public String name() {
        return "ride-time";
    }

    @Override
    public List<Violation> check(CheckContext context, List<BusTimetable> buses) {
        List<Violation> violations = new ArrayList<>();
        for (BusTimetable bus : buses) {
            List<Visit> visits = bus.visits();
            for (int k = 0; k < visits.size(); k++) {
                ParkStop stop = context.stops.get(visits.get(k).id());
                if (stop == null) {
                    continue;
                }
                for (int j = k + 1; j < visits.size(); j++) {
                    if (visits.get(j).id() == stop.schoolId()) {
                        double ride_s = visits.get(j).arrival_s() - visits.get(k).arrival_s();
                        if (ride_s > context.maxRide_s + context.tolerance_s) {
                            violations.add(new Violation(name(), bus.busId(), String.format(
                                    "stop %d: ride %.1f s > %.0f s", stop.id(), ride_s, context.maxRide_s)));
                        }
                        break;
                    }
                }
            }
        }
        return violations;
    }
}
