package org.xiaoche.routing.optimization;

import java.util.List;

/**
 * A solver's answer for one {@link SchoolRoutingProblem}: runs timed to arrive at the school's
 * earliest arrival time, and the stops it could not serve within the rules (empty when feasible).
 */
public record SchoolRoutePlan(SchoolRoutingProblem problem, List<SchoolRoute> routes, List<PickupStop> unserved) {

    public SchoolRoutePlan {
        routes = List.copyOf(routes);
        unserved = List.copyOf(unserved);
    }

    public double busTime_s() {
        return routes.stream().mapToDouble(SchoolRoute::duration_s).sum();
    }

    public double studentRide_s() {
        return routes.stream().mapToDouble(SchoolRoute::studentRide_s).sum();
    }
}
