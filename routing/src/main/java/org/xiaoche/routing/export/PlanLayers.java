package org.xiaoche.routing.export;

import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.stops.BusStop;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The map layers of a plan, one property schema each, shared by the command line's files and the
 * web service's responses: stops, routes (one LineString per run) and riders (homes of the students
 * who needed transport: planners only). Keys are snake_case with units; times of day are
 * {@code HH:mm:ss} ({@link ClockTime}), {@code HH:mm} with counts left out. Counts of students ({@code students}, {@code young_pupils})
 * are left out with {@link StudentCounts#LEFT_OUT}, for readers who may not see them.
 */
public final class PlanLayers {

    /** Whether counts of students go into the stop and route layers. */
    public enum StudentCounts {
        INCLUDED,
        /**
         * For operators: routes, stops and times without any count of students. Times are then written
         * to the minute ({@code HH:mm}), since dwell (30 s + 5 s per boarding student) in second-exact
         * times would give the counts back.
         */
        LEFT_OUT;

        /** A time of day as this audience gets it: {@code HH:mm:ss}, or {@code HH:mm} when counts are left out. */
        public String time(double time_s) {
            return this == INCLUDED ? ClockTime.hhmmss(time_s) : ClockTime.hhmm(time_s);
        }
    }

    private PlanLayers() {
    }

    /**
     * A stop of the plan.
     *
     * @param stopName     the stop's name ({@code BusStop.name}, as the plan value keeps it)
     * @param roadName     the road's street name, empty when it has none
     * @param youngPupils  students at the stop counted as young pupils by the policy
     * @param arrivalTimes every run calling at the stop with its arrival, in time order, see {@link #arrivalTimesByStop}
     */
    public record Stop(String stopId, String stopName, String roadName, int students, int youngPupils, String arrivalTimes,
                       LonLat location) {

        /** {@code stop_id, stop_name, road_name, [students, young_pupils,] arrival_times}. */
        public FeatureProperties properties(StudentCounts counts) {
            FeatureProperties p = new FeatureProperties().put("stop_id", stopId).put("stop_name", stopName)
                    .put("road_name", roadName);
            if (counts == StudentCounts.INCLUDED) {
                p.put("students", students).put("young_pupils", youngPupils);
            }
            return p.put("arrival_times", arrivalTimes);
        }
    }

    /**
     * A run of a bus, drawn along the roads it drives.
     *
     * @param direction {@code AM} or {@code PM}
     * @param start_s   arrival at the run's first place, seconds after midnight
     * @param end_s     arrival at the run's last place
     * @param length_km length of {@code line}, see {@link #length_km(List)}
     */
    public record Route(String runId, String busId, String busType, int seats, String direction, String schoolId,
                        int students, double start_s, double end_s, double length_km, List<LonLat> line) {

        /** {@code run_id, bus_id, bus_type, seats, direction, school_id, [students,] start_time, end_time, length_km}. */
        public FeatureProperties properties(StudentCounts counts) {
            FeatureProperties p = new FeatureProperties().put("run_id", runId).put("bus_id", busId).put("bus_type", busType)
                    .put("seats", seats).put("direction", direction).put("school_id", schoolId);
            if (counts == StudentCounts.INCLUDED) {
                p.put("students", students);
            }
            return p.put("start_time", counts.time(start_s)).put("end_time", counts.time(end_s))
                    .put("length_km", length_km, 1);
        }
    }

    /**
     * A student who needed transport, at home: personal data of a minor, for planners only.
     *
     * @param status     {@code transported}, {@code cap_infeasible} (carried, but no trip meets the cap) or {@code unserved}
     * @param runId      the morning run, null when unserved
     * @param pickup_s   NaN when unserved, as are the walk, ride and journey
     */
    public record Rider(String studentId, String schoolId, int grade, String status, String stopId, double walkToStop_m,
                        String runId, double pickup_s, double ride_s, double journey_s, String reason, LonLat home) {

        /** {@code student_id, school_id, grade, status, stop_id, walk_to_stop_m, run_id, pickup_time, ride_s, journey_s, reason}. */
        public FeatureProperties properties() {
            return new FeatureProperties().put("student_id", studentId).put("school_id", schoolId).put("grade", grade)
                    .put("status", status).put("stop_id", stopId).put("walk_to_stop_m", walkToStop_m, 0).put("run_id", runId)
                    .put("pickup_time", Double.isFinite(pickup_s) ? ClockTime.hhmmss(pickup_s) : null)
                    .put("ride_s", ride_s, 0).put("journey_s", journey_s, 0).put("reason", reason);
        }
    }

    /** A bus calling at a stop: which run, and when it arrives. */
    public record StopCall(String stopId, String runId, double arrival_s) {
    }

    public static void writeStops(List<Stop> stops, StudentCounts counts, GeoJsonWriter geoJson) throws IOException {
        for (Stop stop : stops) {
            geoJson.point(stop.location(), stop.properties(counts));
        }
    }

    /** Routes whose line has fewer than two points (none could be drawn) are left out. */
    public static void writeRoutes(List<Route> routes, StudentCounts counts, GeoJsonWriter geoJson) throws IOException {
        for (Route route : routes) {
            if (route.line().size() >= 2) {
                geoJson.lineString(route.line(), route.properties(counts));
            }
        }
    }

    public static void writeRiders(List<Rider> riders, GeoJsonWriter geoJson) throws IOException {
        for (Rider rider : riders) {
            geoJson.point(rider.home(), rider.properties());
        }
    }

    /** The stops of a planning run, every stop the stop planner chose, in its order. */
    public static List<Stop> stops(PlanResult plan) {
        Map<String, String> times = arrivalTimesByStop(stopCalls(plan.plan().buses()));
        List<Stop> stops = new ArrayList<>();
        for (BusStop stop : plan.stops().stops()) {
            stops.add(new Stop(stop.id(), stop.name(), stop.roadName(), stop.studentCount(), stop.youngPupilCount(),
                    times.getOrDefault(stop.id(), ""), stop.location()));
        }
        return stops;
    }

    /**
     * The runs of the buses in bus order, each drawn with {@code roadGeometry} through its places.
     *
     * @param roadGeometry the driven line through a run's places, e.g. from {@code BusRouteGeometry}
     */
    public static List<Route> routes(List<Bus> buses, Function<List<LonLat>, List<LonLat>> roadGeometry) {
        List<Route> routes = new ArrayList<>();
        for (Bus bus : buses) {
            for (BusRun run : bus.runs()) {
                List<LonLat> line = roadGeometry.apply(run.stops().stream().map(TimedStop::location).toList());
                routes.add(new Route(run.runId(), bus.busId(), bus.busTypeId(), bus.seats(), run.direction().name(),
                        run.schoolId(), run.students(), run.first().arrival_s(), run.last().arrival_s(), length_km(line), line));
            }
        }
        return routes;
    }

    /** Every call of a run at a stop (schools left out). */
    public static List<StopCall> stopCalls(List<Bus> buses) {
        List<StopCall> calls = new ArrayList<>();
        for (Bus bus : buses) {
            for (BusRun run : bus.runs()) {
                run.stops().stream().filter(s -> !s.school())
                        .forEach(s -> calls.add(new StopCall(s.placeId(), run.runId(), s.arrival_s())));
            }
        }
        return calls;
    }

    /** Per stop, the runs calling there in time order: {@code "R01 07:12:30; R02 07:40:05"}. */
    public static Map<String, String> arrivalTimesByStop(Collection<StopCall> calls) {
        return arrivalTimesByStop(calls, ClockTime::hhmmss);
    }

    /** As {@link #arrivalTimesByStop(Collection)}, with times as {@code counts} writes them ({@code "R01 07:12"} when left out). */
    public static Map<String, String> arrivalTimesByStop(Collection<StopCall> calls, StudentCounts counts) {
        return arrivalTimesByStop(calls, counts::time);
    }

    /** Per stop, the runs calling there in time order, each time written by {@code clock}: {@code "R01 07:12; R02 07:40"}. */
    public static Map<String, String> arrivalTimesByStop(Collection<StopCall> calls, Function<Double, String> clock) {
        Map<String, List<StopCall>> byStop = new TreeMap<>();
        calls.forEach(c -> byStop.computeIfAbsent(c.stopId(), k -> new ArrayList<>()).add(c));
        Map<String, String> times = new LinkedHashMap<>();
        byStop.forEach((stopId, list) -> {
            list.sort(Comparator.comparingDouble(StopCall::arrival_s).thenComparing(StopCall::runId));
            times.put(stopId, String.join("; ", list.stream().map(c -> c.runId() + " " + clock.apply(c.arrival_s())).toList()));
        });
        return times;
    }

    /** Length of a line along the ground, in kilometres (unrounded). */
    public static double length_km(List<LonLat> line) {
        double length_m = 0;
        for (int i = 1; i < line.size(); i++) {
            length_m += line.get(i - 1).distance_m(line.get(i));
        }
        return length_m / 1000;
    }
}
