package org.xiaoche.routing.optimization.timefold;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import org.xiaoche.routing.optimization.PickupStop;

/** A pickup stop as a Timefold planning value. */
public class RouteStop {

    @PlanningId
    private String id;
    private PickupStop stop;

    public RouteStop() {
    }

    RouteStop(PickupStop stop) {
        this.id = stop.id();
        this.stop = stop;
    }

    public String getId() {
        return id;
    }

    public PickupStop getStop() {
        return stop;
    }
}
