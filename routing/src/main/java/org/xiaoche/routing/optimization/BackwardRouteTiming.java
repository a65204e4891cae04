package org.xiaoche.routing.optimization;

import java.util.ArrayList;
import java.util.List;

/**
 * Times a stop sequence backwards from the school arrival. With no time windows at stops a bus
 * never waits, so each ride is the suffix sum {@code dwell_i + time(i, i+1) + … + time(last, school)}
 * and is independent of the clock; the whole run is then anchored at the school arrival.
 */
public final class BackwardRouteTiming {

    private BackwardRouteTiming() {
    }

    /** The run visiting {@code order} then the school, arriving at the school at {@code schoolArrival_s}. */
    public static SchoolRoute timed(SchoolRoutingProblem problem, List<PickupStop> order, double schoolArrival_s) {
        int n = order.size();
        double[] ride_s = rides_s(problem, order);
        List<StopVisit> visits = new ArrayList<>(n);
        int load = 0;
        for (int i = 0; i < n; i++) {
            PickupStop stop = order.get(i);
            load += stop.students();
            double arrival_s = schoolArrival_s - ride_s[i];
            visits.add(new StopVisit(stop, arrival_s, arrival_s + problem.stopDwell().dwell_s(stop.students()),
                    load, ride_s[i]));
        }
        double schoolDeparture_s = schoolArrival_s + problem.schoolDwell().dwell_s(load);
        return new SchoolRoute(problem.schoolId(), problem.schoolNode(), visits, schoolArrival_s, schoolDeparture_s);
    }

    /** Ride of each stop's students in {@code order}, in seconds. */
    public static double[] rides_s(SchoolRoutingProblem problem, List<PickupStop> order) {
        int n = order.size();
        double[] ride_s = new double[n];
        int next = problem.schoolNode();
        double suffix_s = 0;
        for (int i = n - 1; i >= 0; i--) {
            PickupStop stop = order.get(i);
            suffix_s += problem.travelTimes().time_s(stop.node(), next)
                    + problem.stopDwell().dwell_s(stop.students());
            ride_s[i] = suffix_s;
            next = stop.node();
        }
        return ride_s;
    }
}
