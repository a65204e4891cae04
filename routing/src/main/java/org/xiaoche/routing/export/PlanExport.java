package org.xiaoche.routing.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.stops.BusStop;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        Files.createDirectories(outDir);
        writeStops(plan, outDir.resolve("stops.geojson"));
        writeRoutes(plan, roadGeometry, outDir.resolve("routes.geojson"));
        writeTimetable(plan, outDir.resolve("timetable.csv"));
        writeStudents(plan, outDir.resolve("students.csv"));
        writePlanJson(plan, outDir.resolve("plan.json"));
    }

    static void writeStops(PlanResult plan, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            startCollection(json);
            for (BusStop stop : plan.stops().stops()) {
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                point(json, stop.location());
                json.writeObjectFieldStart("properties");
                json.writeStringField("stop_id", stop.id());
                json.writeStringField("name", plan.plan().findStop(stop.id()).map(PlanStop::name).orElse(""));
                json.writeStringField("road", stop.roadName() == null ? "" : stop.roadName());
                json.writeNumberField("students", stop.studentCount());
                json.writeNumberField("grades_1_3", stop.grades1to3Count());
                json.writeEndObject();
                json.writeEndObject();
            }
            endCollection(json);
        }
    }

    static void writeRoutes(PlanResult plan, Function<List<LonLat>, List<LonLat>> roadGeometry, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            startCollection(json);
            for (Bus bus : plan.timetable().buses()) {
                for (BusRun run : bus.runs()) {
                    List<LonLat> line = roadGeometry.apply(run.stops().stream().map(TimedStop::location).toList());
                    json.writeStartObject();
                    json.writeStringField("type", "Feature");
                    json.writeObjectFieldStart("geometry");
                    json.writeStringField("type", "LineString");
                    json.writeArrayFieldStart("coordinates");
                    for (LonLat p : line) {
                        json.writeStartArray();
                        json.writeNumber(round7(p.lon()));
                        json.writeNumber(round7(p.lat()));
                        json.writeEndArray();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    json.writeObjectFieldStart("properties");
                    json.writeStringField("bus_id", bus.busId());
                    json.writeStringField("bus_type", bus.busTypeId());
                    json.writeNumberField("seats", bus.seats());
                    json.writeStringField("run_id", run.runId());
                    json.writeStringField("direction", run.direction().name());
                    json.writeStringField("school_id", run.schoolId());
                    json.writeNumberField("students", run.students());
                    json.writeStringField("first_time", ClockTime.hhmmss(run.first().arrival_s()));
                    json.writeStringField("last_time", ClockTime.hhmmss(run.last().arrival_s()));
                    json.writeNumberField("length_km", Math.round(lengthOf(line) / 100.0) / 10.0);
                    json.writeEndObject();
                    json.writeEndObject();
                }
            }
            endCollection(json);
        }
    }

    static void writeTimetable(PlanResult plan, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("bus_id", "run_id", "direction",
                     "school_id", "seq", "kind", "stop_id", "lon", "lat", "arrival", "departure", "boarding", "alighting",
                     "load").get())) {
            for (Bus bus : plan.timetable().buses()) {
                for (BusRun run : bus.runs()) {
                    for (TimedStop s : run.stops()) {
                        csv.printRecord(bus.busId(), run.runId(), run.direction(), run.schoolId(), s.seq(),
                                s.school() ? "school" : "stop", s.placeId(), round7(s.location().lon()), round7(s.location().lat()),
                                ClockTime.hhmmss(s.arrival_s()), ClockTime.hhmmss(s.departure_s()), s.boarding(), s.alighting(), s.loadAfter());
                    }
                }
            }
        }
    }

    static void writeStudents(PlanResult plan, Path file) throws IOException {
        Map<String, StudentJourney> journeys = new HashMap<>();
        plan.timetable().students().forEach(j -> journeys.put(j.studentId(), j));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("student_id", "school_id", "grade",
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
    }

    /** The plan value itself, in its one stored form ({@link PlanCodec}). */
    static void writePlanJson(PlanResult plan, Path file) throws IOException {
        PlanCodec.write(plan.plan(), file);
    }

    private static void startCollection(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeArrayFieldStart("features");
    }

    private static void endCollection(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void point(JsonGenerator json, LonLat p) throws IOException {
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "Point");
        json.writeArrayFieldStart("coordinates");
        json.writeNumber(round7(p.lon()));
        json.writeNumber(round7(p.lat()));
        json.writeEndArray();
        json.writeEndObject();
    }

    private static double lengthOf(List<LonLat> line) {
        double length_m = 0;
        for (int i = 1; i < line.size(); i++) {
            length_m += line.get(i - 1).distance_m(line.get(i));
        }
        return length_m;
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
