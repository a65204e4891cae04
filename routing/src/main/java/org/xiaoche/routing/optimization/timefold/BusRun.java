package org.xiaoche.routing.optimization.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import org.xiaoche.routing.optimization.BackwardRouteTiming;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.RunRules;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;

import java.util.ArrayList;
import java.util.List;

/** One potential run (a bus) whose ordered stops Timefold plans; empty = bus not used. */
@PlanningEntity
public class BusRun {

    @PlanningId
    private String id;
    private SchoolRoutingProblem problem;
    @PlanningListVariable
    private List<RouteStop> stops = new ArrayList<>();

    public BusRun() {
    }

    BusRun(String id, SchoolRoutingProblem problem) {
        this.id = id;
        this.problem = problem;
    }

    public String getId() {
        return id;
    }

    public List<RouteStop> getStops() {
        return stops;
    }

    public void setStops(List<RouteStop> stops) {
        this.stops = stops;
    }

    List<PickupStop> order() {
        return stops.stream().map(RouteStop::getStop).toList();
    }

    boolean used() {
        return !stops.isEmpty();
    }

    long seatExcess() {
        return RunRules.seatExcess(problem, order());
    }

    /** Ride-cap excess in milliseconds (scores are integers). */
    long rideExcess_ms() {
        return Math.round(RunRules.rideExcess_s(problem, order()) * 1000);
    }

    /** First-stop arrival to end of drop-off, in milliseconds. */
    long duration_ms() {
        if (stops.isEmpty()) {
            return 0;
        }
        List<PickupStop> order = order();
        int load = order.stream().mapToInt(PickupStop::students).sum();
        double duration_s = BackwardRouteTiming.rides_s(problem, order)[0] + problem.schoolDwell().dwell_s(load);
        return Math.round(duration_s * 1000);
    }
}
