package org.xiaoche.routing.timetable;

import java.util.List;

/**
 * One trip (趟次) of a bus to or from one school. AM: stops in pickup order, then the school.
 * PM: the school, then stops in drop-off order.
 */
public record BusRun(String runId, String busId, String schoolId, RunDirection direction, List<TimedStop> stops) {
    public BusRun {
        stops = List.copyOf(stops);
    }

    public TimedStop first() {
        return stops.get(0);
    }

    public TimedStop last() {
        return stops.get(stops.size() - 1);
    }

    /** Students carried on this run. */
    public int students() {
        return stops.stream().mapToInt(TimedStop::boarding).sum();
    }
}
