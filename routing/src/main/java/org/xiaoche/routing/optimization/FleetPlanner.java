package org.xiaoche.routing.optimization;

import org.xiaoche.routing.optimization.chaining.ChainableRun;
import org.xiaoche.routing.optimization.chaining.RouteChainer;

import org.xiaoche.routing.progress.ProgressListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans a district: solves each school's run separately (single load), then chains runs of
 * different schools onto buses. Schools are solved in parallel on {@code threads} threads; each
 * school's search is bounded by iterations and seeded by school, and results are collected in the
 * order of the problems, so the plan does not depend on which thread finishes first.
 */
public final class FleetPlanner {

    private final SchoolRouteSolver solver;
    private final RouteChainer chainer;
    private final int threads;

    public FleetPlanner(SchoolRouteSolver solver, RouteChainer chainer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.solver = solver;
        this.chainer = chainer;
        this.threads = threads;
    }

    /**
     * @param problems one per school, all on the same node numbering and {@code travelTimes}
     * @param budget   the search of each school
     */
    public FleetPlan plan(List<SchoolRoutingProblem> problems, TravelTimes travelTimes, SolverBudget budget) {
        return plan(problems, travelTimes, budget, ProgressListener.NONE);
    }

    /**
     * As {@link #plan(List, TravelTimes, SolverBudget)}, reporting stage {@code "routes"} as schools
     * are solved. A listener that throws (e.g. because the job was cancelled) stops the remaining solvers.
     */
    public FleetPlan plan(List<SchoolRoutingProblem> problems, TravelTimes travelTimes, SolverBudget budget,
                          ProgressListener progress) {
        return chain(solveEach(problems, budget, progress), travelTimes);
    }

    /** Solves every school's runs, in the order given, without chaining them. */
    public List<SchoolRoutePlan> solveEach(List<SchoolRoutingProblem> problems, SolverBudget budget,
                                           ProgressListener progress) {
        List<SchoolRoutePlan> plans = new ArrayList<>();
        if (problems.isEmpty()) {
            return plans;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, problems.size()));
        try {
            List<Future<SchoolRoutePlan>> futures = new ArrayList<>();
            for (SchoolRoutingProblem problem : problems) {
                futures.add(pool.submit(() -> solver.solve(problem, budget)));
            }
            for (Future<SchoolRoutePlan> future : futures) {
                plans.add(future.get());
                progress.progress("routes", (double) plans.size() / Math.max(1, problems.size()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a school's routing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return plans;
    }

    /** Chains the runs of already solved schools onto buses. */
    public FleetPlan chain(List<SchoolRoutePlan> plans, TravelTimes travelTimes) {
        List<ChainableRun> runs = new ArrayList<>();
        for (SchoolRoutePlan plan : plans) {
            for (SchoolRoute route : plan.routes()) {
                runs.add(new ChainableRun(route, plan.problem().window()));
            }
        }
        return new FleetPlan(plans, chainer.chain(runs, travelTimes), chainer.name());
    }
}
