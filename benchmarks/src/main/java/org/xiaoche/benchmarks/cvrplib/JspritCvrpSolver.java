package org.xiaoche.benchmarks.cvrplib;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** jsprit's default algorithm on the rounded-Euclidean matrix, unlimited fleet, cost = distance. */
public final class JspritCvrpSolver implements CvrpSolver {

    @Override
    public String name() {
        return "jsprit";
    }

    @Override
    public List<int[]> solve(CvrpInstance instance, Duration budget) {
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("truck")
                .addCapacityDimension(0, instance.capacity()).setCostPerDistance(1).setCostPerTransportTime(0).build();
        VehicleRoutingProblem.Builder vrp = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.INFINITE)
                .setRoutingCost(new RoundedEuclidean(instance))
                .addVehicle(VehicleImpl.Builder.newInstance("truck").setType(type)
                        .setStartLocation(Location.newInstance(0)).build());
        for (int c = 1; c <= instance.customers(); c++) {
            vrp.addJob(Service.Builder.newInstance(Integer.toString(c)).setLocation(Location.newInstance(c))
                    .addSizeDimension(0, instance.demand()[c]).build());
        }
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(vrp.build())
                .setProperty(Jsprit.Parameter.THREADS, "1").buildAlgorithm();
        algorithm.setMaxIterations(1_000_000);
        TimeTermination termination = new TimeTermination(budget.toMillis());
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<int[]> routes = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            routes.add(route.getActivities().stream()
                    .mapToInt(a -> Integer.parseInt(((TourActivity.JobActivity) a).getJob().getId())).toArray());
        }
        return routes;
    }

    private static final class RoundedEuclidean extends AbstractForwardVehicleRoutingTransportCosts {
        private final CvrpInstance instance;

        RoundedEuclidean(CvrpInstance instance) {
            this.instance = instance;
        }

        @Override
        public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
            return instance.distance(from.getIndex(), to.getIndex());
        }

        @Override
        public double getTransportTime(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return instance.distance(from.getIndex(), to.getIndex());
        }

        @Override
        public double getTransportCost(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
            return instance.distance(from.getIndex(), to.getIndex());
        }
    }
}
