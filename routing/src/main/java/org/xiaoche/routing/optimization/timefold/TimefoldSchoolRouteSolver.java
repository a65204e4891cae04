package org.xiaoche.routing.optimization.timefold;

import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.xiaoche.routing.optimization.BackwardRouteTiming;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.RunRules;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.SchoolRoutePlan;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.SolverBudget;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves a run with Timefold's default list-variable heuristics (construction, then late
 * acceptance local search) on the forward problem; the rules are {@link RunConstraints}. One
 * candidate run per servable stop, so a feasible answer always exists.
 */
public final class TimefoldSchoolRouteSolver implements SchoolRouteSolver {

    @Override
    public String name() {
        return "timefold";
    }

    @Override
    public SchoolRoutePlan solve(SchoolRoutingProblem problem, SolverBudget budget) {
        List<RouteStop> stops = new ArrayList<>();
        List<PickupStop> unserved = new ArrayList<>();
        for (PickupStop stop : problem.stops()) {
            if (RunRules.servableAlone(problem, stop)) {
                stops.add(new RouteStop(stop));
            } else {
                unserved.add(stop);
            }
        }
        if (stops.isEmpty()) {
            return new SchoolRoutePlan(problem, List.of(), unserved);
        }
        List<BusRun> candidates = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            candidates.add(new BusRun(problem.schoolId() + "-" + i, problem));
        }
        // Steps, not seconds, end the search, so the answer does not depend on machine load.
        long started_ns = System.nanoTime();
        RunPlanSolution solved = SolverFactory.<RunPlanSolution>create(new SolverConfig()
                        .withSolutionClass(RunPlanSolution.class)
                        .withEntityClasses(BusRun.class)
                        .withConstraintProviderClass(RunConstraints.class)
                        .withRandomSeed(budget.seedFor(problem.schoolId()))
                        .withTerminationConfig(new TerminationConfig()
                                .withStepCountLimit(budget.iterationsFor(stops.size()))
                                .withSpentLimit(budget.wallCap())))
                .buildSolver()
                .solve(new RunPlanSolution(stops, candidates));
        boolean wallCapHit = System.nanoTime() - started_ns >= budget.wallCap().toNanos();
        List<SchoolRoute> routes = new ArrayList<>();
        for (BusRun run : solved.getRuns()) {
            List<PickupStop> order = run.order();
            if (order.isEmpty()) {
                continue;
            }
            if (RunRules.feasible(problem, order)) {
                routes.add(BackwardRouteTiming.timed(problem, order, problem.window().earliest_s()));
            } else {
                unserved.addAll(order);
            }
        }
        return new SchoolRoutePlan(problem, routes, unserved, wallCapHit);
    }
}
