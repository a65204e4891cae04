package org.xiaoche.routing.export.pdf;

import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the PDF exports write a plan's places, runs, times and lengths. Times are the published ones
 * ({@link PublishedTimetable}: count-free, to the minute, the same as in every other export), one per
 * place, so nothing in a sheet tells how long a bus stood at a stop or how many boarded there.
 */
final class PlanText {

    final Plan plan;
    final Lang lang;
    private final Map<String, PlanStop> stops = new HashMap<>();
    private final Map<String, PlanSchool> schools = new HashMap<>();
    private final PublishedTimetable published;

    PlanText(Plan plan, Lang lang) {
        this.plan = plan;
        this.lang = lang;
        plan.stops().forEach(s -> stops.put(s.id(), s));
        plan.schools().forEach(s -> schools.put(s.id(), s));
        this.published = PublishedTimetable.of(plan, plan.buses());
    }

    String schoolName(String schoolId) {
        PlanSchool school = schools.get(schoolId);
        return school == null || school.name() == null || school.name().isBlank() ? schoolId : school.name();
    }

    String stopName(String stopId) {
        PlanStop stop = stops.get(stopId);
        return stop == null ? stopId : stop.name();
    }

    String placeName(TimedStop place) {
        return place.school() ? schoolName(place.placeId()) : stopName(place.placeId());
    }

    /** The published time (HH:mm) of {@code run} at {@code place}, one of its places. */
    String time(BusRun run, TimedStop place) {
        int seq = run.stops().indexOf(place) + 1;
        return published.run(run.runId()).flatMap(r -> r.calls().stream().filter(c -> c.seq() == seq).findFirst())
                .map(PublishedTimetable.Call::time).orElseThrow(() -> new IllegalArgumentException(
                        "run " + run.runId() + " has no place " + place.placeId()));
    }

    /** The published time (HH:mm) of {@code runId} at stop {@code stopId}; empty when there is no such call. */
    String time(String runId, String stopId) {
        return runId == null ? "" : published.timeAt(runId, stopId).map(ClockTime::hhmm).orElse("");
    }

    static String location(LonLat at) {
        return String.format(Locale.ROOT, "%.5f, %.5f", at.lon(), at.lat());
    }

    String length(double metres) {
        if (metres < 1000) {
            return lang.text("metres", Math.round(metres / 10) * 10);
        }
        return lang.text("kilometres", String.format(Locale.ROOT, "%.1f", metres / 1000));
    }

    static String minutes(double seconds) {
        return Long.toString(Math.max(1, Math.round(seconds / 60)));
    }

    String half(RunDirection direction) {
        return lang.text(direction == RunDirection.AM ? "am" : "pm");
    }

    /** 1-based number of {@code run} among its bus's runs of the same half-day. */
    static int runNumber(Bus bus, BusRun run) {
        return bus.runs(run.direction()).indexOf(run) + 1;
    }

    /** {@code 上午第 1 趟 · 送往 城关小学}. */
    String runTitle(Bus bus, BusRun run) {
        String where = lang.text(run.direction() == RunDirection.AM ? "run.toSchool" : "run.fromSchool", schoolName(run.schoolId()));
        return lang.text("run.heading", half(run.direction()), runNumber(bus, run), where);
    }

    String action(BusRun run, TimedStop place) {
        if (place.school()) {
            return lang.text(run.direction() == RunDirection.AM ? "what.arriveSchool" : "what.leaveSchool");
        }
        return lang.text(run.direction() == RunDirection.AM ? "what.pickup" : "what.dropoff");
    }

    /** The run's places in order. */
    static List<LonLat> places(BusRun run) {
        List<LonLat> out = new ArrayList<>();
        run.stops().forEach(s -> out.add(s.location()));
        return out;
    }

    /** Row labels of a run's places on a map and in its table: 1, 2, … for stops, the school mark for the school. */
    List<String> marks(BusRun run) {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (TimedStop s : run.stops()) {
            out.add(s.school() ? lang.text("school.mark") : Integer.toString(++n));
        }
        return out;
    }
}
