package org.xiaoche.routing.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a plan for planners: {@code stops.geojson}, {@code routes.geojson} (road geometry),
 * {@code timetable.csv}, {@code students.csv} and {@code plan.json}. These are planner files: the
 * students file carries ids; none carries home coordinates except through the eligibility files.
 */
public final class PlanExport {

    private PlanExport() {
    }

    /** @param roadGeometry the driven line through a run's places, e.g. from {@code BusRouteGeometry} */
    public static void write(PlanResult plan, Function<List<LonLat>, List<LonLat>> roadGeometry, Path outDir) throws IOException {
        OutputFile.createFolder(outDir);
        writeStops(plan, outDir.resolve("stops.geojson"));
        writeRoutes(plan.plan(), roadGeometry, outDir.resolve("routes.geojson"));
        writeTimetable(plan, outDir.resolve("timetable.csv"));
        writeStudents(plan, outDir.resolve("students.csv"));
        writePlanJson(plan, outDir.resolve("plan.json"));
    }

    /** The stop layer ({@link PlanLayers.Stop}) with every count of students. */
    static void writeStops(PlanResult plan, Path file) throws IOException {
        GeoJsonWriter.write(file, geoJson -> PlanLayers.writeStops(PlanLayers.stops(plan), PlanLayers.StudentCounts.INCLUDED, geoJson));
    }

    /** The route layer ({@link PlanLayers.Route}) of the plan's buses, with every count of students. */
    static void writeRoutes(Plan plan, Function<List<LonLat>, List<LonLat>> roadGeometry, Path file) throws IOException {
        GeoJsonWriter.write(file, geoJson -> PlanLayers.writeRoutes(PlanLayers.routes(plan.buses(), roadGeometry),
                PlanLayers.StudentCounts.INCLUDED, geoJson));
    }

    static void writeTimetable(PlanResult plan, Path file) throws IOException {
        OutputFile.writeText(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("bus_id", "run_id", "direction",
                         "school_id", "seq", "kind", "stop_id", "lon", "lat", "arrival", "departure", "boarding", "alighting",
                         "load").get())) {
                for (Bus bus : plan.timetable().buses()) {
                    for (BusRun run : bus.runs()) {
                        for (TimedStop s : run.stops()) {
                            csv.printRecord(bus.busId(), run.runId(), run.direction(), run.schoolId(), s.seq(),
                                    s.school() ? "school" : "stop", s.placeId(), GeoJsonWriter.round(s.location().lon()),
                                    GeoJsonWriter.round(s.location().lat()), ClockTime.hhmmss(s.arrival_s()),
                                    ClockTime.hhmmss(s.departure_s()), s.boarding(), s.alighting(), s.loadAfter());
                        }
                    }
                }
            }
        });
    }

    static void writeStudents(PlanResult plan, Path file) throws IOException {
        Map<String, StudentJourney> journeys = new HashMap<>();
        plan.timetable().students().forEach(j -> journeys.put(j.studentId(), j));
        OutputFile.writeText(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("student_id", "school_id", "grade",
                         "status", "walk_m", "stop_id", "walk_to_stop_m", "run_id", "pickup_time", "school_arrival", "ride_s",
                         "journey_s", "pm_run_id", "dropoff_time", "pm_ride_s", "cap_infeasible", "walk_over_limit", "reason").get())) {
                for (StudentEligibility e : plan.eligibility().students()) {
                    StudentJourney j = journeys.get(e.student().id());
                    String unserved = plan.timetable().unservedReasons().get(e.student().id());
                    String reason = j != null && j.capInfeasible() ? j.capReason() : unserved != null ? "unserved: " + unserved : e.reason();
                    csv.printRecord(e.student().id(), e.student().schoolId(), e.student().grade(),
                            j != null && j.capInfeasible() ? "cap_infeasible" : e.status().code(),
                            EligibilityExport.metres(e.walk_m()),
                            j == null ? "" : j.stopId(), j == null ? "" : EligibilityExport.metres(j.walk_m()),
                            j == null ? "" : j.amRunId(), j == null ? "" : ClockTime.hhmmss(j.pickup_s()),
                            j == null ? "" : ClockTime.hhmmss(j.schoolArrival_s()), j == null ? "" : Math.round(j.amRide_s()),
                            j == null ? "" : Math.round(j.amJourney_s()), j == null ? "" : j.pmRunId(),
                            j == null ? "" : ClockTime.hhmmss(j.dropoff_s()), j == null ? "" : Math.round(j.pmRide_s()),
                            j != null && j.capInfeasible(), j != null && j.walkOverLimit(), reason);
                }
            }
        });
    }

    /** The plan value itself, in its one stored form ({@link PlanCodec}). */
    static void writePlanJson(PlanResult plan, Path file) throws IOException {
        PlanCodec.write(plan.plan(), file);
    }
}
