package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.TravelTimes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Heuristic chaining with movable arrival times: runs in order of their earliest possible end;
 * each goes to the bus that can reach it and then arrive at its school earliest (ties: the bus
 * that became free last, to keep early-free buses for others); otherwise a new bus. Each run
 * arrives as early as its bus allows, inside its window. Not exact.
 */
public final class EarliestEndGreedyChainer implements RouteChainer {

    @Override
    public String name() {
        return "greedy-earliest-end";
    }

    @Override
    public List<BusChain> chain(List<ChainableRun> runs, TravelTimes travelTimes) {
        List<ChainableRun> order = new ArrayList<>(runs);
        order.sort(Comparator.comparingDouble((ChainableRun r) -> r.window().earliest_s()
                        + r.route().schoolDeparture_s() - r.route().schoolArrival_s())
                .thenComparingDouble(r -> r.window().latest_s()));
        List<List<SchoolRoute>> buses = new ArrayList<>();
        for (ChainableRun run : order) {
            SchoolRoute route = run.route();
            double lead_s = route.schoolArrival_s() - route.start_s();
            int bestBus = -1;
            double bestArrival_s = Double.POSITIVE_INFINITY;
            double bestFree_s = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < buses.size(); b++) {
                SchoolRoute last = buses.get(b).get(buses.get(b).size() - 1);
                double reach_s = last.schoolDeparture_s() + travelTimes.time_s(last.schoolNode(), route.firstNode());
                double arrival_s = Math.max(run.window().earliest_s(), reach_s + lead_s);
                if (arrival_s > run.window().latest_s()) {
                    continue;
                }
                if (arrival_s < bestArrival_s
                        || (arrival_s == bestArrival_s && last.schoolDeparture_s() > bestFree_s)) {
                    bestBus = b;
                    bestArrival_s = arrival_s;
                    bestFree_s = last.schoolDeparture_s();
                }
            }
            if (bestBus < 0) {
                List<SchoolRoute> bus = new ArrayList<>();
                bus.add(route.shiftedTo(run.window().earliest_s()));
                buses.add(bus);
            } else {
                buses.get(bestBus).add(route.shiftedTo(bestArrival_s));
            }
        }
        return buses.stream().map(BusChain::new).toList();
    }
}
