package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkStop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every stop of the instance is visited exactly once (so all its students board); no unknown ids. */
public final class StopCoverageRule implements CheckRule {

    @Override
    public String name() {
        return "stop-coverage";
    }

    @Override
    public List<Violation> check(CheckContext context, List<BusTimetable> buses) {
        List<Violation> violations = new ArrayList<>();
        Map<Integer, Integer> visits = new HashMap<>();
        for (BusTimetable bus : buses) {
            for (Visit visit : bus.visits()) {
                if (!context.known(visit.id())) {
                    violations.add(new Violation(name(), bus.busId(), "unknown id " + visit.id()));
                } else if (context.stops.containsKey(visit.id())) {
                    visits.merge(visit.id(), 1, Integer::sum);
                }
            }
        }
        for (ParkStop stop : context.instance.stops()) {
            int count = visits.getOrDefault(stop.id(), 0);
            if (count != 1) {
                violations.add(new Violation(name(), "-", "stop " + stop.id() + " visited " + count + " times"));
            }
        }
        return violations;
    }
}
