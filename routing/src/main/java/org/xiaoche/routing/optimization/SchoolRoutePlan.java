package org.xiaoche.routing.optimization;

import java.util.List;

/**
 * A solver's answer for one {@link SchoolRoutingProblem}: runs timed to arrive at the school's
 * earliest arrival time, and the stops it could not serve within the rules (empty when feasible).
 * {@code wallCapHit} is true when the search stopped on the time safety cap instead of its
 * iteration budget, so that the result may depend on machine load.
 */
public record SchoolRoutePlan(SchoolRoutingProblem problem, List<SchoolRoute> routes, List<PickupStop> unserved,
                              boolean wallCapHit) {

    public SchoolRoutePlan {
        routes = List.copyOf(routes);
        unserved = List.copyOf(unserved);
    }

    /** A plan found within its iteration budget. */
    public SchoolRoutePlan(SchoolRoutingProblem problem, List<SchoolRoute> routes, List<PickupStop> unserved) {
        this(problem, routes, unserved, false);
    }

    public double busTime_s() {
        return routes.stream().mapToDouble(SchoolRoute::duration_s).sum();
    }

    public double studentRide_s() {
        return routes.stream().mapToDouble(SchoolRoute::studentRide_s).sum();
    }
}
