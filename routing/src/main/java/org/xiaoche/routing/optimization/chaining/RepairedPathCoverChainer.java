package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.TravelTimes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chaining with movable arrival times by an optimistic cover, then repair: run q may follow run p
 * when p arriving at its earliest leaves time to reach q arriving at its latest; the minimum path
 * cover of that graph ({@link HopcroftKarp}) is a lower bound on buses for these edges. Each chain
 * is then timed forward, every run as early as its predecessor allows; a run that would arrive
 * after its window starts a new chain. Not exact, but it finds chains that fixed-arrival covers miss.
 */
public final class RepairedPathCoverChainer implements RouteChainer {

    @Override
    public String name() {
        return "path-cover-repaired";
    }

    @Override
    public List<BusChain> chain(List<ChainableRun> runs, TravelTimes travelTimes) {
        int n = runs.size();
        List<int[]> successors = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            ChainableRun from = runs.get(p);
            double free_s = departureIfArriving(from, from.window().earliest_s());
            int[] next = new int[n];
            int count = 0;
            for (int q = 0; q < n; q++) {
                ChainableRun to = runs.get(q);
                // Keep the graph acyclic: with wide windows and short runs, p and q could each follow the other.
                if (q == p || !before(from, p, to, q)) {
                    continue;
                }
                double latestStart_s = to.window().latest_s() - lead_s(to.route());
                if (free_s + travelTimes.time_s(from.route().schoolNode(), to.route().firstNode()) <= latestStart_s) {
                    next[count++] = q;
                }
            }
            successors.add(Arrays.copyOf(next, count));
        }
        int[] nextOf = HopcroftKarp.maximumMatching(successors, n);
        boolean[] hasPredecessor = new boolean[n];
        for (int p = 0; p < n; p++) {
            if (nextOf[p] >= 0) {
                hasPredecessor[nextOf[p]] = true;
            }
        }
        List<BusChain> buses = new ArrayList<>();
        for (int head = 0; head < n; head++) {
            if (hasPredecessor[head]) {
                continue;
            }
            List<SchoolRoute> chain = new ArrayList<>();
            SchoolRoute last = null;
            for (int r = head; r >= 0; r = nextOf[r]) {
                ChainableRun run = runs.get(r);
                double arrival_s = run.window().earliest_s();
                if (last != null) {
                    double reach_s = last.schoolDeparture_s() + travelTimes.time_s(last.schoolNode(), run.route().firstNode());
                    arrival_s = Math.max(arrival_s, reach_s + lead_s(run.route()));
                    if (arrival_s > run.window().latest_s()) {
                        buses.add(new BusChain(chain));
                        chain = new ArrayList<>();
                        arrival_s = run.window().earliest_s();
                    }
                }
                last = run.route().shiftedTo(arrival_s);
                chain.add(last);
            }
            buses.add(new BusChain(chain));
        }
        return buses;
    }

    /** A fixed order on runs (earliest arrival, then earliest end, then position) that every edge follows. */
    private static boolean before(ChainableRun a, int aIndex, ChainableRun b, int bIndex) {
        int byArrival = Double.compare(a.window().earliest_s(), b.window().earliest_s());
        if (byArrival != 0) {
            return byArrival < 0;
        }
        int byEnd = Double.compare(departureIfArriving(a, a.window().earliest_s()), departureIfArriving(b, b.window().earliest_s()));
        return byEnd != 0 ? byEnd < 0 : aIndex < bIndex;
    }

    /** From the first stop to the school arrival. */
    private static double lead_s(SchoolRoute route) {
        return route.schoolArrival_s() - route.start_s();
    }

    private static double departureIfArriving(ChainableRun run, double arrival_s) {
        return run.route().schoolDeparture_s() - run.route().schoolArrival_s() + arrival_s;
    }
}
