package org.xiaoche.routing.optimization.chaining;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.optimization.ArrivalWindow;
import org.xiaoche.routing.optimization.BackwardRouteTiming;
import org.xiaoche.routing.optimization.DwellModel;
import org.xiaoche.routing.optimization.GridTravelTimes;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.TravelTimes;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChainingTest {

    @Test
    void hopcroftKarpFindsMaximumMatching() {
        // greedy 0-0 would block; maximum is 3
        List<int[]> adjacency = List.of(new int[]{0, 1}, new int[]{0}, new int[]{1, 2});
        int[] match = HopcroftKarp.maximumMatching(adjacency, 3);
        assertEquals(3, java.util.Arrays.stream(match).filter(m -> m >= 0).count());
        assertArrayEquals(new int[]{1, 0, 2}, match);
    }

    /** School i at x = 1000 i with one stop 100 s before it; window [start_i, start_i + 600]. */
    private static List<ChainableRun> runs(TravelTimes times, double... windowStarts_s) {
        List<ChainableRun> runs = new java.util.ArrayList<>();
        for (int i = 0; i < windowStarts_s.length; i++) {
            ArrivalWindow window = new ArrivalWindow(windowStarts_s[i], windowStarts_s[i] + 600);
            SchoolRoutingProblem p = new SchoolRoutingProblem("S" + i, 2 * i, window,
                    List.of(new PickupStop("p" + i, 2 * i + 1, 10, 2000)), new DwellModel(20, 0),
                    new DwellModel(30, 0), 66, times);
            SchoolRoute route = BackwardRouteTiming.timed(p, p.stops(), window.earliest_s());
            runs.add(new ChainableRun(route, window));
        }
        return runs;
    }

    private static TravelTimes schoolsOnALine(int schools) {
        double[] x = new double[2 * schools];
        for (int i = 0; i < schools; i++) {
            x[2 * i] = 1000.0 * i;
            x[2 * i + 1] = 1000.0 * i + 100;
        }
        return new GridTravelTimes(x, new double[2 * schools]);
    }

    @Test
    void runsWithSeparatedWindowsShareOneBus() {
        TravelTimes times = schoolsOnALine(3);
        List<ChainableRun> runs = runs(times, 25_200, 28_800, 32_400);
        for (RouteChainer chainer : BestOfChainer.standard().chainers()) {
            assertEquals(1, chainer.chain(runs, times).size(), chainer.name());
        }
    }

    @Test
    void overlappingWindowsNeedTwoBuses() {
        TravelTimes times = schoolsOnALine(2);
        List<ChainableRun> runs = runs(times, 28_800, 28_800);
        assertEquals(2, BestOfChainer.standard().chain(runs, times).size());
    }

    @Test
    void movableArrivalMakesAChainPossibleThatFixedArrivalsMiss() {
        // S0 reached at 28 800, left at 28 830; 1100 s to S1's stop, 120 s ride: S1 reached at 30 050.
        // S1's window [29 500, 30 100] admits that, but no fixed policy moves only S1 to late.
        TravelTimes times = schoolsOnALine(2);
        List<ChainableRun> runs = runs(times, 28_800, 29_500);
        assertEquals(2, new MinimumPathCoverChainer(ArrivalPolicy.EARLIEST).chain(runs, times).size());
        assertEquals(2, new MinimumPathCoverChainer(ArrivalPolicy.LATEST).chain(runs, times).size());
        List<BusChain> greedy = new EarliestEndGreedyChainer().chain(runs, times);
        assertEquals(1, greedy.size());
        assertEquals(30_050, greedy.get(0).runs().get(1).schoolArrival_s(), 1e-9);
        assertEquals(1, BestOfChainer.standard().chain(runs, times).size());
    }

    /**
     * Two short runs, close together, with the same wide window: each could follow the other
     * optimistically. Every chainer must still put both on buses (once each), and one bus suffices.
     */
    @Test
    void shortRunsThatCouldFollowEachOtherAreNeverLost() {
        TravelTimes times = new TravelTimes() {
            @Override
            public double time_s(int from, int to) {
                return from == to ? 0 : 60;
            }

            @Override
            public double distance_m(int from, int to) {
                return from == to ? 0 : 500;
            }
        };
        List<ChainableRun> close = runs(times, 28_800, 28_800);
        for (RouteChainer chainer : BestOfChainer.standard().chainers()) {
            List<BusChain> chains = chainer.chain(close, times);
            assertEquals(2, chains.stream().mapToInt(c -> c.runs().size()).sum(), chainer.name() + " keeps every run");
        }
        assertEquals(1, new RepairedPathCoverChainer().chain(close, times).size(), "one bus serves both, one after the other");
    }
}
