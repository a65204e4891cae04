package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.TravelTimes;

import java.util.List;

/**
 * One bus's morning: runs in time order, each with its chosen absolute times. Contract: run k+1
 * starts no earlier than run k's drop-off end plus the drive from run k's school to run k+1's
 * first stop.
 */
public record BusChain(List<SchoolRoute> runs) {

    public BusChain {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a bus serves at least one run");
        }
    }

    /** Driving time of the bus: all runs plus the empty drives between them (no yard legs). */
    public double driving_s(TravelTimes travelTimes) {
        double driving_s = 0;
        for (int k = 0; k < runs.size(); k++) {
            driving_s += runs.get(k).driving_s(travelTimes);
            if (k > 0) {
                driving_s += travelTimes.time_s(runs.get(k - 1).schoolNode(), runs.get(k).firstNode());
            }
        }
        return driving_s;
    }
}
