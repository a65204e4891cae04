package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.TravelTimes;

import java.util.List;

/** Assigns runs of different schools to buses (tiers). Every run ends up on exactly one bus. */
public interface RouteChainer {

    String name();

    List<BusChain> chain(List<ChainableRun> runs, TravelTimes travelTimes);
}
