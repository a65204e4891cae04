package org.xiaoche.routing.optimization.jsprit;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.SearchStrategy;
import com.graphhopper.jsprit.core.algorithm.termination.PrematureAlgorithmTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.algorithm.state.StateManager;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.constraint.ConstraintManager;
import com.graphhopper.jsprit.core.problem.constraint.HardRouteConstraint;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import org.xiaoche.routing.optimization.BackwardRouteTiming;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.RunRules;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.SchoolRoutePlan;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.TravelTimes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Solves a run with jsprit on the <em>time-reversed</em> problem: a bus starts at the school at
 * time 0 and drives the reversed matrix ({@code time'(a,b) = time(b,a)}) on an open route. The
 * reversed arrival at stop i plus its dwell is exactly the forward ride of stop i (Park's
 * convention), so each ride cap becomes jsprit's own hard time window {@code [0, cap − dwell]}
 * and no custom constraint is needed. The fixed cost per bus dominates the time cost so that the
 * number of routes comes first.
 */
public final class JspritSchoolRouteSolver implements SchoolRouteSolver {

    /** Cost of one extra route, far above any route's duration in seconds. */
    static final double ROUTE_FIXED_COST = 1_000_000;


    @Override
    public String name() {
        return "jsprit";
    }

    @Override
    public SchoolRoutePlan solve(SchoolRoutingProblem problem, SolverBudget budget) {
        List<PickupStop> servable = new ArrayList<>();
        List<PickupStop> unserved = new ArrayList<>();
        for (PickupStop stop : problem.stops()) {
            (RunRules.servableAlone(problem, stop) ? servable : unserved).add(stop);
        }
        if (servable.isEmpty()) {
            return new SchoolRoutePlan(problem, List.of(), unserved);
        }
        VehicleTypeImpl busType = VehicleTypeImpl.Builder.newInstance("bus")
                .addCapacityDimension(0, problem.seats())
                .setFixedCost(ROUTE_FIXED_COST)
                .setCostPerTransportTime(1.0)
                .setCostPerDistance(0.0)
                .setCostPerServiceTime(0.0)
                .build();
        VehicleImpl bus = VehicleImpl.Builder.newInstance("bus")
                .setType(busType)
                .setStartLocation(Location.newInstance(problem.schoolNode()))
                .setReturnToDepot(false)
                .build();
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.INFINITE)
                .setRoutingCost(new ReversedCosts(problem.travelTimes()))
                .addVehicle(bus);
        Map<String, PickupStop> byId = new HashMap<>();
        for (PickupStop stop : servable) {
            double dwell_s = problem.stopDwell().dwell_s(stop.students());
            vrp.addJob(Service.Builder.newInstance(stop.id())
                    .setLocation(Location.newInstance(stop.node()))
                    .addSizeDimension(0, stop.students())
                    .setServiceTime(dwell_s)
                    .setTimeWindow(TimeWindow.newInstance(0, stop.maxRide_s() - dwell_s))
                    .build());
            byId.put(stop.id(), stop);
        }
        VehicleRoutingProblem built = vrp.build();
        // Pickups split at one stop (by seats or by cap) never share a run: a run calls at a stop once.
        StateManager states = new StateManager(built);
        ConstraintManager constraints = new ConstraintManager(built, states);
        constraints.addConstraint((HardRouteConstraint) context -> {
            int node = ((Service) context.getJob()).getLocation().getIndex();
            return context.getRoute().getTourActivities().getJobs().stream()
                    .noneMatch(j -> ((Service) j).getLocation().getIndex() == node);
        });
        // Our own Random per solve: jsprit's default is one static Random shared by all threads.
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(built)
                .setStateAndConstraintManager(states, constraints)
                .setProperty(Jsprit.Parameter.THREADS, "1")
                .setProperty(Jsprit.Parameter.FAST_REGRET, "true")
                .setRandom(new Random(budget.seedFor(problem.schoolId())))
                .buildAlgorithm();
        int iterations = budget.iterationsFor(servable.size());
        algorithm.setMaxIterations(iterations);
        SearchTimeCap wallCap = new SearchTimeCap(budget.wallCap().toNanos());
        algorithm.addTerminationCriterion(wallCap);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());

        List<SchoolRoute> routes = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            List<PickupStop> order = new ArrayList<>();
            for (TourActivity activity : route.getActivities()) {
                order.add(byId.get(((TourActivity.JobActivity) activity).getJob().getId()));
            }
            Collections.reverse(order);
            if (RunRules.feasible(problem, order)) {
                routes.add(BackwardRouteTiming.timed(problem, order, problem.window().earliest_s()));
            } else {
                unserved.addAll(order);
            }
        }
        for (Job job : best.getUnassignedJobs()) {
            unserved.add(byId.get(job.getId()));
        }
        return new SchoolRoutePlan(problem, routes, unserved, wallCap.hit);
    }

    /**
     * Stops the search on the safety cap and remembers that it did. The cap counts the CPU time of
     * the solving thread (jsprit runs on the caller's thread with one thread configured), not wall
     * time: on a loaded machine a thread waits for a core, and a wall-time cap would then cut the
     * search short and change the plan.
     */
    private static final class SearchTimeCap implements PrematureAlgorithmTermination {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long cap_ns;
        private final long startCpu_ns;
        private boolean hit;

        SearchTimeCap(long cap_ns) {
            this.cap_ns = cap_ns;
            this.startCpu_ns = now_ns();
        }

        /** The thread's CPU time, or wall time on a JVM that cannot measure it. */
        private static long now_ns() {
            long cpu_ns = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
            return cpu_ns >= 0 ? cpu_ns : System.nanoTime();
        }

        @Override
        public boolean isPrematureBreak(SearchStrategy.DiscoveredSolution discoveredSolution) {
            if (now_ns() - startCpu_ns > cap_ns) {
                hit = true;
            }
            return hit;
        }
    }

    /** The matrix read backwards, so that jsprit drives the run from the school outwards. */
    private static final class ReversedCosts extends AbstractForwardVehicleRoutingTransportCosts {
        private final TravelTimes travelTimes;

        ReversedCosts(TravelTimes travelTimes) {
            this.travelTimes = travelTimes;
        }

        @Override
        public double getTransportTime(Location from, Location to, double departure_s, Driver driver, Vehicle vehicle) {
            return travelTimes.time_s(to.getIndex(), from.getIndex());
        }

        @Override
        public double getTransportCost(Location from, Location to, double departure_s, Driver driver, Vehicle vehicle) {
            double time_s = getTransportTime(from, to, departure_s, driver, vehicle);
            return vehicle == null ? time_s : time_s * vehicle.getType().getVehicleCostParams().perTransportTimeUnit;
        }

        @Override
        public double getDistance(Location from, Location to, double departure_s, Vehicle vehicle) {
            return travelTimes.distance_m(to.getIndex(), from.getIndex());
        }
    }
}
