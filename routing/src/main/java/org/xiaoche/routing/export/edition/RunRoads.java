package org.xiaoche.routing.export.edition;

import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The roads each run drives, in order (names or refs, repeats collapsed), by run id: the permit's 行驶线路. */
public final class RunRoads {

    private final Map<String, List<String>> byRun;

    private RunRoads(Map<String, List<String>> byRun) {
        this.byRun = byRun;
    }

    public static RunRoads of(Map<String, List<String>> roads) {
        Map<String, List<String>> copy = new TreeMap<>();
        roads.forEach((run, list) -> copy.put(run, List.copyOf(list)));
        return new RunRoads(copy);
    }

    /**
     * Every run of {@code plan} with the roads {@code roadsThrough} finds through its places.
     *
     * @param roadsThrough e.g. {@code RouteRoadNames.labelsThrough} on the plan's network
     */
    public static RunRoads compute(Plan plan, Function<List<LonLat>, List<String>> roadsThrough) {
        Map<String, List<String>> roads = new TreeMap<>();
        for (BusRun run : plan.runs()) {
            roads.put(run.runId(), List.copyOf(roadsThrough.apply(run.stops().stream().map(TimedStop::location).toList())));
        }
        return new RunRoads(roads);
    }

    /** The run's roads in order; empty when not known. */
    public List<String> roads(String runId) {
        return byRun.getOrDefault(runId, List.of());
    }
}
