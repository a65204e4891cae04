package org.xiaoche.routing.optimization;

import java.util.List;

/**
 * The hard rules of one run, each measured as an excess (0 = satisfied) so that solvers can use
 * them as penalties and tests can check them one by one.
 */
public final class RunRules {

    /** Rounding slack for ride comparisons: solvers sum times in different orders. */
    public static final double TOLERANCE_S = 1e-6;

    private RunRules() {
    }

    /** Seats rule: students on board at the school minus seats, if positive. */
    public static int seatExcess(SchoolRoutingProblem problem, List<PickupStop> order) {
        int load = 0;
        for (PickupStop stop : order) {
            load += stop.students();
        }
        return Math.max(0, load - problem.seats());
    }

    /** Ride-cap rule: sum over stops of the seconds by which the ride exceeds that stop's cap. */
    public static double rideExcess_s(SchoolRoutingProblem problem, List<PickupStop> order) {
        double[] ride_s = BackwardRouteTiming.rides_s(problem, order);
        double excess_s = 0;
        for (int i = 0; i < ride_s.length; i++) {
            double over_s = ride_s[i] - order.get(i).maxRide_s();
            if (over_s > TOLERANCE_S) {
                excess_s += over_s;
            }
        }
        return excess_s;
    }

    public static boolean feasible(SchoolRoutingProblem problem, List<PickupStop> order) {
        return seatExcess(problem, order) == 0 && rideExcess_s(problem, order) == 0;
    }

    /** A stop that breaks its cap even when driven straight to school can never be served. */
    public static boolean servableAlone(SchoolRoutingProblem problem, PickupStop stop) {
        return problem.directRide_s(stop) <= stop.maxRide_s() + TOLERANCE_S;
    }
}
