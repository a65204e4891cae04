package org.xiaoche.routing.export.geojson;

import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.export.PlanLayers;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stops and routes of a plan as one GeoJSON FeatureCollection for operators' own tools: the
 * {@link PlanLayers} stop and route schemas (points, then one line per run along its road line),
 * with the {@link PublishedTimetable}'s times to the minute. The operator edition leaves every count
 * of students out; the planner edition has them.
 */
public final class PublishedLayers {

    private PublishedLayers() {
    }

    public static void write(PlanExportRequest request, OutputStream out) throws IOException {
        PlanLayers.StudentCounts counts = request.edition().seesStudentCounts() ? PlanLayers.StudentCounts.INCLUDED
                : PlanLayers.StudentCounts.LEFT_OUT;
        try (GeoJsonWriter geoJson = new GeoJsonWriter(out)) {
            PlanLayers.writeStops(stops(request), counts, geoJson);
            PlanLayers.writeRoutes(routes(request), counts, geoJson);
        }
    }

    /** The stops the exported buses call at, in plan order, with their published calls ({@code "R01 07:12; …"}). */
    static List<PlanLayers.Stop> stops(PlanExportRequest request) {
        Plan plan = request.plan();
        PublishedTimetable published = request.published();
        List<PlanLayers.StopCall> calls = new ArrayList<>();
        Map<String, Integer> students = new HashMap<>(), young = new HashMap<>();
        Set<String> called = new LinkedHashSet<>();
        for (PublishedTimetable.Run run : published.runs()) {
            run.calls().stream().filter(c -> !c.school()).forEach(c -> {
                calls.add(new PlanLayers.StopCall(c.placeId(), run.runId(), c.time_s()));
                called.add(c.placeId());
            });
        }
        for (StudentJourney j : plan.journeys()) {
            students.merge(j.stopId(), 1, Integer::sum);
            if (plan.policy().isYoungPupil(j.grade())) {
                young.merge(j.stopId(), 1, Integer::sum);
            }
        }
        Map<String, String> times = PlanLayers.arrivalTimesByStop(calls, ClockTime::hhmm);
        List<PlanLayers.Stop> stops = new ArrayList<>();
        for (PlanStop s : plan.stops()) {
            if (called.contains(s.id())) {
                stops.add(new PlanLayers.Stop(s.id(), s.name(), "", students.getOrDefault(s.id(), 0),
                        young.getOrDefault(s.id(), 0), times.getOrDefault(s.id(), ""), s.location()));
            }
        }
        return stops;
    }

    /** One route per exported run, along its road line, from its first to its last published call. */
    static List<PlanLayers.Route> routes(PlanExportRequest request) {
        PublishedTimetable published = request.published();
        List<PlanLayers.Route> routes = new ArrayList<>();
        for (Bus bus : request.buses()) {
            for (BusRun run : bus.runs()) {
                PublishedTimetable.Run pub = published.run(run.runId()).orElseThrow();
                var line = request.shapes().line(run);
                routes.add(new PlanLayers.Route(run.runId(), bus.busId(), bus.busTypeId(), bus.seats(), run.direction().name(),
                        run.schoolId(), run.students(), pub.first().time_s(), pub.last().time_s(), PlanLayers.length_km(line), line));
            }
        }
        return routes;
    }
}
