package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.TravelTimes;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact minimum number of buses <em>for fixed arrival times</em>: every run's school arrival is
 * fixed by {@link ArrivalPolicy}; run q may follow run p when q's first-stop arrival is no earlier
 * than p's drop-off end plus the drive from p's school to q's first stop. These edges form a DAG
 * (time strictly increases), so the minimum path cover is runs − maximum matching
 * ({@link HopcroftKarp}). Choosing the arrival times themselves is not optimised here.
 */
public final class MinimumPathCoverChainer implements RouteChainer {

    private final ArrivalPolicy policy;

    public MinimumPathCoverChainer(ArrivalPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "path-cover-" + policy.name().toLowerCase();
    }

    @Override
    public List<BusChain> chain(List<ChainableRun> runs, TravelTimes travelTimes) {
        int n = runs.size();
        List<SchoolRoute> fixed = new ArrayList<>(n);
        for (ChainableRun run : runs) {
            fixed.add(run.route().shiftedTo(policy.arrival_s(run.window())));
        }
        List<int[]> successors = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            SchoolRoute from = fixed.get(p);
            int[] next = new int[n];
            int count = 0;
            for (int q = 0; q < n; q++) {
                if (q != p && canFollow(from, fixed.get(q), travelTimes)) {
                    next[count++] = q;
                }
            }
            successors.add(java.util.Arrays.copyOf(next, count));
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
            if (!hasPredecessor[head]) {
                List<SchoolRoute> chain = new ArrayList<>();
                for (int r = head; r >= 0; r = nextOf[r]) {
                    chain.add(fixed.get(r));
                }
                buses.add(new BusChain(chain));
            }
        }
        return buses;
    }

    static boolean canFollow(SchoolRoute from, SchoolRoute to, TravelTimes travelTimes) {
        return from.schoolDeparture_s() + travelTimes.time_s(from.schoolNode(), to.firstNode()) <= to.start_s();
    }
}
