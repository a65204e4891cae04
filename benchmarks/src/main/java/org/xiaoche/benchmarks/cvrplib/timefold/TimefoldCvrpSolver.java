package org.xiaoche.benchmarks.cvrplib.timefold;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.xiaoche.benchmarks.cvrplib.CvrpInstance;
import org.xiaoche.benchmarks.cvrplib.CvrpSolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Timefold's default list-variable heuristics. The fleet is the "k" of the X instance name plus a
 * margin (X names give the minimum number of routes); unused trucks cost nothing.
 */
public final class TimefoldCvrpSolver implements CvrpSolver {

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public List<int[]> solve(CvrpInstance instance, Duration budget) {
        List<Customer> customers = new ArrayList<>();
        long demand = 0;
        for (int c = 1; c <= instance.customers(); c++) {
            customers.add(new Customer(c, instance.demand()[c]));
            demand += instance.demand()[c];
        }
        int fleet = (int) Math.ceil(demand / (double) instance.capacity()) + 5;
        List<Truck> trucks = new ArrayList<>();
        for (int t = 0; t < fleet; t++) {
            trucks.add(new Truck(t, instance));
        }
        CvrpSolution solved = SolverFactory.<CvrpSolution>create(new SolverConfig()
                        .withSolutionClass(CvrpSolution.class)
                        .withEntityClasses(Truck.class)
                        .withConstraintProviderClass(CvrpConstraints.class)
                        .withRandomSeed(0L)
                        .withTerminationSpentLimit(budget))
                .buildSolver().solve(new CvrpSolution(customers, trucks));
        List<int[]> routes = new ArrayList<>();
        for (Truck truck : solved.getTrucks()) {
            if (!truck.getCustomers().isEmpty()) {
                routes.add(truck.getCustomers().stream().mapToInt(Customer::getNode).toArray());
            }
        }
        return routes;
    }
}
