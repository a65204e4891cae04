package org.xiaoche.routing.timetable;

import java.util.List;

/** One bus of the plan and its runs, morning runs first, each group in time order. */
public record Bus(String busId, String busTypeId, int seats, List<BusRun> runs) {
    public Bus {
        runs = List.copyOf(runs);
    }

    public List<BusRun> runs(RunDirection direction) {
        return runs.stream().filter(r -> r.direction() == direction).toList();
    }
}
