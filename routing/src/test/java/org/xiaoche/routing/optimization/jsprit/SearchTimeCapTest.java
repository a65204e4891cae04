package org.xiaoche.routing.optimization.jsprit;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.optimization.ArrivalWindow;
import org.xiaoche.routing.optimization.DwellModel;
import org.xiaoche.routing.optimization.GridTravelTimes;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.SchoolRoutePlan;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.TravelTimes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The solver's safety cap counts the solving thread's CPU time: a search whose thread spends most
 * of its wall time waiting (as on a machine where other work holds the cores) runs to its
 * iteration budget and finds the same routes as an unhindered one, while a search that really
 * computes past the cap is stopped and says so.
 */
class SearchTimeCapTest {

    private static final int STOPS = 30;

    private static SchoolRoutingProblem problem(TravelTimes times) {
        List<PickupStop> stops = new ArrayList<>();
        for (int i = 1; i <= STOPS; i++) {
            stops.add(new PickupStop("s" + i, i, 3 + i % 7, 2400));
        }
        return new SchoolRoutingProblem("school", 0, new ArrivalWindow(28_800, 29_400), stops,
                DwellModel.PARK_STOP, DwellModel.PARK_SCHOOL, 40, times);
    }

    private static GridTravelTimes grid() {
        Random random = new Random(11);
        double[] x = new double[STOPS + 1];
        double[] y = new double[STOPS + 1];
        for (int i = 1; i <= STOPS; i++) {
            x[i] = random.nextInt(1500) - 750;
            y[i] = random.nextInt(1500) - 750;
        }
        return new GridTravelTimes(x, y);
    }

    /**
     * The grid's times, with the calling thread put to sleep for {@code sleep_ms} every 20,000 calls: wall time
     * passes, CPU time does not (0: only counted).
     */
    private record WaitingTimes(TravelTimes inner, AtomicLong calls, long sleep_ms) implements TravelTimes {
        @Override
        public double time_s(int from, int to) {
            if (calls.incrementAndGet() % 20_000 == 0 && sleep_ms > 0) {
                try {
                    Thread.sleep(sleep_ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.time_s(from, to);
        }

        @Override
        public double distance_m(int from, int to) {
            return inner.distance_m(from, to);
        }
    }

    private static List<List<String>> runs(SchoolRoutePlan plan) {
        return plan.routes().stream().map(r -> r.visits().stream().map(v -> v.stop().id()).toList()).toList();
    }

    @Test
    void waitingDoesNotCutTheSearchShortButComputingPastTheCapDoes() {
        SolverBudget budget = new SolverBudget(2026, 20, 600, 600, Duration.ofSeconds(30));
        JspritSchoolRouteSolver solver = new JspritSchoolRouteSolver();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicLong freeCalls = new AtomicLong();
        long cpuBefore_ns = threads.getCurrentThreadCpuTime();
        SchoolRoutePlan free = solver.solve(problem(new WaitingTimes(grid(), freeCalls, 0)), budget);
        long freeCpu_ms = (threads.getCurrentThreadCpuTime() - cpuBefore_ns) / 1_000_000;
        assertFalse(free.wallCapHit());

        // The cap well above the search's own CPU time (however fast this machine is), and the sleeps, spread
        // over the same calls, well past the cap.
        long cap_ms = Math.max(500, 4 * freeCpu_ms);
        long sleep_ms = Math.max(1, 2 * cap_ms / Math.max(1, freeCalls.get() / 20_000));
        AtomicLong calls = new AtomicLong();
        long started_ns = System.nanoTime();
        SchoolRoutePlan waiting = solver.solve(problem(new WaitingTimes(grid(), calls, sleep_ms)),
                budget.withWallCap(Duration.ofMillis(cap_ms)));
        long wall_ms = (System.nanoTime() - started_ns) / 1_000_000;
        long slept_ms = calls.get() / 20_000 * sleep_ms;
        assertTrue(slept_ms > cap_ms, "the test must make the thread wait past the cap of " + cap_ms + " ms; slept " + slept_ms + " ms");
        assertTrue(wall_ms > cap_ms, "wall time " + wall_ms + " ms");
        assertFalse(waiting.wallCapHit(), "a thread that waits has not used its time");
        assertEquals(runs(free), runs(waiting), "the same search, however long the thread waited");

        SchoolRoutePlan capped = solver.solve(problem(grid()),
                new SolverBudget(2026, 20, 1_000_000, 1_000_000, Duration.ofMillis(200)));
        assertTrue(capped.wallCapHit(), "a million iterations cannot fit in 200 ms of CPU");
    }
}
