package org.xiaoche.routing.export.edition;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The road line each run drives, by run id, WGS-84. The web service passes the lines it stored with
 * the plan; the command line computes them from the road network ({@code BusRouteGeometry}).
 * A run without a line is drawn straight through its places.
 */
public final class RunShapes {

    private final Map<String, List<LonLat>> byRun;

    private RunShapes(Map<String, List<LonLat>> byRun) {
        this.byRun = byRun;
    }

    public static RunShapes of(Map<String, List<LonLat>> lines) {
        Map<String, List<LonLat>> copy = new TreeMap<>();
        lines.forEach((run, line) -> copy.put(run, List.copyOf(line)));
        return new RunShapes(copy);
    }

    /** From JTS lines in longitude, latitude order (x = lon, y = lat), as the web service stores them. */
    public static RunShapes ofLineStrings(Map<String, LineString> lines) {
        Map<String, List<LonLat>> copy = new TreeMap<>();
        lines.forEach((run, line) -> {
            List<LonLat> points = new ArrayList<>();
            for (Coordinate c : line.getCoordinates()) {
                points.add(new LonLat(c.x, c.y));
            }
            copy.put(run, List.copyOf(points));
        });
        return new RunShapes(copy);
    }

    /**
     * Every run of {@code plan} drawn by {@code roadGeometry} through its places.
     *
     * @param roadGeometry the driven line through given places, e.g. {@code BusRouteGeometry::through}
     */
    public static RunShapes compute(Plan plan, Function<List<LonLat>, List<LonLat>> roadGeometry) {
        Map<String, List<LonLat>> lines = new TreeMap<>();
        for (BusRun run : plan.runs()) {
            lines.put(run.runId(), List.copyOf(roadGeometry.apply(places(run))));
        }
        return new RunShapes(lines);
    }

    /** No road lines: every run straight through its places. */
    public static RunShapes none() {
        return new RunShapes(Map.of());
    }

    /** The run's road line, or the straight line through its places when none was given (two points or more). */
    public List<LonLat> line(BusRun run) {
        List<LonLat> line = byRun.get(run.runId());
        return line != null && line.size() >= 2 ? line : places(run);
    }

    private static List<LonLat> places(BusRun run) {
        return run.stops().stream().map(TimedStop::location).toList();
    }
}
