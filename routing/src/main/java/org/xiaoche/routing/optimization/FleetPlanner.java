package org.xiaoche.routing.optimization;

import org.xiaoche.routing.optimization.chaining.ChainableRun;
import org.xiaoche.routing.optimization.chaining.RouteChainer;

import org.xiaoche.routing.progress.ProgressListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans a district: solves each school's run separately (single load), then chains runs of
 * different schools onto buses. Schools are solved in parallel on {@code threads} threads; the
 * wall-time budget is shared among schools in proportion to their stop counts.
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
     * @param budget   total wall time for the routing of all schools (chaining comes on top)
     */
    public FleetPlan plan(List<SchoolRoutingProblem> problems, TravelTimes travelTimes, Duration budget) {
        return plan(problems, travelTimes, budget, ProgressListener.NONE);
    }

    /**
     * As {@link #plan(List, TravelTimes, Duration)}, reporting stage {@code "routes"} as schools are
     * solved. A listener that throws (e.g. because the job was cancelled) stops the remaining solvers.
     */
    public FleetPlan plan(List<SchoolRoutingProblem> problems, TravelTimes travelTimes, Duration budget,
                          ProgressListener progress) {
        int totalStops = Math.max(1, problems.stream().mapToInt(p -> p.stops().size()).sum());
        List<SchoolRoutePlan> plans = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SchoolRoutePlan>> futures = new ArrayList<>();
            for (SchoolRoutingProblem problem : problems) {
                long share_ms = budget.toMillis() * threads * problem.stops().size() / totalStops;
                Duration schoolBudget = Duration.ofMillis(Math.max(50, share_ms));
                futures.add(pool.submit(() -> solver.solve(problem, schoolBudget)));
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
        List<ChainableRun> runs = new ArrayList<>();
        for (SchoolRoutePlan plan : plans) {
            for (SchoolRoute route : plan.routes()) {
                runs.add(new ChainableRun(route, plan.problem().window()));
            }
        }
        return new FleetPlan(plans, chainer.chain(runs, travelTimes), chainer.name());
    }
}
