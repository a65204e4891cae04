package org.xiaoche.benchmarks.cvrplib.check;

import org.xiaoche.benchmarks.cvrplib.CvrpInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * Independent CVRP check: every customer 1..n visited exactly once, no route over capacity; and
 * the cost recomputed from coordinates (depot → route → depot, nint Euclidean).
 */
public final class CvrpChecker {

    /** Violations (empty = feasible) and the recomputed cost. */
    public record Result(List<String> violations, long cost) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private CvrpChecker() {
    }

    /** @param routes customers numbered 1..n, as in CVRPLIB {@code .sol} files */
    public static Result check(CvrpInstance instance, List<int[]> routes) {
        List<String> violations = new ArrayList<>();
        int n = instance.x().length - 1;
        int[] visits = new int[n + 1];
        long cost = 0;
        for (int r = 0; r < routes.size(); r++) {
            int load = 0;
            int previous = 0;
            for (int customer : routes.get(r)) {
                if (customer < 1 || customer > n) {
                    violations.add("route " + (r + 1) + ": unknown customer " + customer);
                    continue;
                }
                visits[customer]++;
                load += instance.demand()[customer];
                cost += nint(instance, previous, customer);
                previous = customer;
            }
            cost += nint(instance, previous, 0);
            if (load > instance.capacity()) {
                violations.add("route " + (r + 1) + ": load " + load + " > capacity " + instance.capacity());
            }
        }
        for (int c = 1; c <= n; c++) {
            if (visits[c] != 1) {
                violations.add("customer " + c + " visited " + visits[c] + " times");
            }
        }
        return new Result(violations, cost);
    }

    private static long nint(CvrpInstance instance, int from, int to) {
        double dx = instance.x()[from] - instance.x()[to];
        double dy = instance.y()[from] - instance.y()[to];
        return (long) Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
    }
}
