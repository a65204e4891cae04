package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.TravelTimes;

import java.util.Comparator;
import java.util.List;

/** Runs several chainers and keeps the answer with the fewest buses (ties: the first given). */
public final class BestOfChainer implements RouteChainer {

    private final List<RouteChainer> chainers;

    public BestOfChainer(List<RouteChainer> chainers) {
        this.chainers = List.copyOf(chainers);
    }

    /** Exact path cover under each fixed-arrival policy, the movable-time greedy and the repaired optimistic cover. */
    public static BestOfChainer standard() {
        return new BestOfChainer(List.of(
                new MinimumPathCoverChainer(ArrivalPolicy.EARLIEST),
                new MinimumPathCoverChainer(ArrivalPolicy.MIDDLE),
                new MinimumPathCoverChainer(ArrivalPolicy.LATEST),
                new EarliestEndGreedyChainer(),
                new RepairedPathCoverChainer()));
    }

    public List<RouteChainer> chainers() {
        return chainers;
    }

    @Override
    public String name() {
        return "best-of";
    }

    @Override
    public List<BusChain> chain(List<ChainableRun> runs, TravelTimes travelTimes) {
        return chainers.stream()
                .map(c -> checked(c, c.chain(runs, travelTimes), runs.size()))
                .min(Comparator.comparingInt(List::size))
                .orElseThrow();
    }

    /** The contract every chainer keeps: each run on exactly one bus; a chainer that loses one is a bug, not a saving. */
    private static List<BusChain> checked(RouteChainer chainer, List<BusChain> chains, int runs) {
        int chained = chains.stream().mapToInt(c -> c.runs().size()).sum();
        if (chained != runs) {
            throw new IllegalStateException(chainer.name() + " put " + chained + " of " + runs + " runs on buses");
        }
        return chains;
    }
}
