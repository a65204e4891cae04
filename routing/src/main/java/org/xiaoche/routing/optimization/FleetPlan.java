package org.xiaoche.routing.optimization;

import org.xiaoche.routing.optimization.chaining.BusChain;

import java.util.List;

/**
 * The morning of a district: per-school plans and the buses that serve their runs in tiers.
 * {@code buses.size()} is the bus count after chaining.
 */
public record FleetPlan(List<SchoolRoutePlan> schoolPlans, List<BusChain> buses, String chainerName) {

    public FleetPlan {
        schoolPlans = List.copyOf(schoolPlans);
        buses = List.copyOf(buses);
    }

    /** Schools whose search stopped on the time safety cap (their result may depend on machine load). */
    public int wallCapHits() {
        return (int) schoolPlans.stream().filter(SchoolRoutePlan::wallCapHit).count();
    }

    public int runCount() {
        return schoolPlans.stream().mapToInt(p -> p.routes().size()).sum();
    }

    public List<PickupStop> unserved() {
        return schoolPlans.stream().flatMap(p -> p.unserved().stream()).toList();
    }

    /** Driving time of all buses (runs and empty drives between runs; no yard legs). */
    public double driving_s(TravelTimes travelTimes) {
        return buses.stream().mapToDouble(b -> b.driving_s(travelTimes)).sum();
    }
}
