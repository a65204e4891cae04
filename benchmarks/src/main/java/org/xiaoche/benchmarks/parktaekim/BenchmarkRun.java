package org.xiaoche.benchmarks.parktaekim;

import org.xiaoche.benchmarks.parktaekim.check.ParkSolutionChecker;
import org.xiaoche.benchmarks.parktaekim.check.Violation;
import org.xiaoche.routing.optimization.FleetPlan;
import org.xiaoche.routing.optimization.FleetPlanner;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.chaining.BestOfChainer;

import org.xiaoche.routing.optimization.SolverBudget;
import java.util.List;

/**
 * One solved and checked instance. {@code violations} comes from the independent checker; a run
 * with any violation is INVALID and must not be counted.
 */
public record BenchmarkRun(ParkRoutingSetup setup, String solverName, FleetPlan plan, double driving_s,
                           double wall_s, List<Violation> violations) {

    public boolean valid() {
        return violations.isEmpty();
    }

    public int buses() {
        return plan.buses().size();
    }

    /** Solves {@code instance} at {@code maxRide_s} with the search {@code budget} allows and checks the answer. */
    public static BenchmarkRun solve(ParkInstance instance, int maxRide_s, SchoolRouteSolver solver,
                                     SolverBudget budget, int threads) {
        ParkRoutingSetup setup = ParkRoutingSetup.of(instance, maxRide_s);
        long start = System.nanoTime();
        FleetPlan plan = new FleetPlanner(solver, BestOfChainer.standard(), threads)
                .plan(setup.problems(), setup.travelTimes(), budget);
        double wall_s = (System.nanoTime() - start) / 1e9;
        List<Violation> violations = ParkSolutionChecker.check(instance, FleetTimetables.of(plan), maxRide_s,
                ParkSolutionChecker.EXACT_TOLERANCE_S);
        return new BenchmarkRun(setup, solver.name(), plan, plan.driving_s(setup.travelTimes()), wall_s, violations);
    }
}
