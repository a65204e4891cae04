package org.xiaoche.routing.timetable;

import java.util.List;

/**
 * One bus of the plan and its runs, morning runs first, each group in time order.
 *
 * @param returnLegs_m drives from the last place of each half-day back to the nearest depot (0 without depots)
 * @param beyondFleet  true when the fleet has no bus of a fitting type left for it: the plan needs it
 *                     but the fleet file does not make it available (a shortfall)
 */
public record Bus(String busId, String busTypeId, int seats, List<BusRun> runs, double returnLegs_m,
                  boolean beyondFleet) {
    public Bus {
        runs = List.copyOf(runs);
    }

    public Bus(String busId, String busTypeId, int seats, List<BusRun> runs) {
        this(busId, busTypeId, seats, runs, 0, false);
    }

    /** Metres driven in a day: every leg of every run and between runs, and the depot legs. */
    public double driven_m() {
        double metres = returnLegs_m;
        for (BusRun run : runs) {
            for (TimedStop stop : run.stops()) {
                metres += stop.legIn_m();
            }
        }
        return metres;
    }

    public List<BusRun> runs(RunDirection direction) {
        return runs.stream().filter(r -> r.direction() == direction).toList();
    }
}
