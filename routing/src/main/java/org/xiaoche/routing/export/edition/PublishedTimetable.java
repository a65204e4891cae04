package org.xiaoche.routing.export.edition;

import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The times every export publishes (to operators, drivers, schools and families), derived so that
 * no count of students can be recovered from them. The plan's own times include a dwell of
 * {@code dwellFixed_s + dwellPerStudent_s × boarding} at every call, so even rounded to the minute
 * they leak loads (a sum of dwells shows through the run's length). Published times instead replace
 * every call's dwell by the same allowance, the dwell of a call with one student, and keep the
 * count-free parts of the plan:
 * <ul>
 *   <li>morning: the planned arrival at school, and the drives between places, backwards from it;</li>
 *   <li>afternoon: the dismissal time at school, then allowance and drive, forwards;</li>
 * </ul>
 * each time then rounded to the nearest minute (rounding keeps order, so times never decrease along
 * a run). Published rides are never longer than planned ones, so the plan's ride caps hold for them.
 */
public final class PublishedTimetable {

    /** One place of a published run, at a whole minute. */
    public record Call(int seq, String placeId, boolean school, String name, LonLat location, long time_s) {
        /** {@code HH:mm}. */
        public String time() {
            return ClockTime.hhmm(time_s);
        }
    }

    /** A run as published. */
    public record Run(String runId, String busId, String schoolId, RunDirection direction, List<Call> calls) {
        public Run {
            calls = List.copyOf(calls);
        }

        public Call first() {
            return calls.get(0);
        }

        public Call last() {
            return calls.get(calls.size() - 1);
        }

        public Optional<Call> callAt(String placeId) {
            return calls.stream().filter(c -> !c.school() && c.placeId().equals(placeId)).findFirst();
        }
    }

    private final List<Run> runs;
    private final Map<String, Run> byId = new HashMap<>();

    private PublishedTimetable(List<Run> runs) {
        this.runs = List.copyOf(runs);
        runs.forEach(r -> byId.put(r.runId(), r));
    }

    /** The published runs of {@code buses} (of {@code plan}), in bus then run order. */
    public static PublishedTimetable of(Plan plan, List<Bus> buses) {
        double allowance_s = callAllowance_s(plan.policy().routes());
        Map<String, String> names = new HashMap<>();
        plan.stops().forEach(s -> names.put("stop:" + s.id(), s.name()));
        plan.schools().forEach(s -> names.put("school:" + s.id(), s.name()));
        List<Run> runs = new ArrayList<>();
        for (Bus bus : buses) {
            for (BusRun run : bus.runs()) {
                double[] exact = exactTimes(run, allowance_s);
                List<Call> calls = new ArrayList<>();
                for (int i = 0; i < run.stops().size(); i++) {
                    TimedStop s = run.stops().get(i);
                    String name = names.getOrDefault((s.school() ? "school:" : "stop:") + s.placeId(), s.placeId());
                    calls.add(new Call(i + 1, s.placeId(), s.school(), name, s.location(), ClockTime.nearestMinute_s(exact[i])));
                }
                runs.add(new Run(run.runId(), bus.busId(), run.schoolId(), run.direction(), calls));
            }
        }
        return new PublishedTimetable(runs);
    }

    /** The dwell every call is published with: that of a call with one student. */
    public static double callAllowance_s(RouteRules rules) {
        return rules.dwellFixed_s() + rules.dwellPerStudent_s();
    }

    public List<Run> runs() {
        return runs;
    }

    public Optional<Run> run(String runId) {
        return Optional.ofNullable(byId.get(runId));
    }

    /** The runs of one bus, in order. */
    public List<Run> runsOf(String busId) {
        return runs.stream().filter(r -> r.busId().equals(busId)).toList();
    }

    /** Published time, in seconds (whole minutes), of {@code runId} at stop {@code stopId}; empty when it does not call there. */
    public Optional<Long> timeAt(String runId, String stopId) {
        return run(runId).flatMap(r -> r.callAt(stopId)).map(Call::time_s);
    }

    /**
     * Count-free times of a run's places before rounding: the anchor (planned school arrival in the
     * morning, dismissal in the afternoon) and the planned drives, with {@code allowance_s} at each call.
     */
    private static double[] exactTimes(BusRun run, double allowance_s) {
        List<TimedStop> stops = run.stops();
        int n = stops.size();
        double[] t = new double[n];
        if (run.direction() == RunDirection.AM) {
            t[n - 1] = stops.get(n - 1).arrival_s();
            for (int i = n - 2; i >= 0; i--) {
                t[i] = t[i + 1] - stops.get(i + 1).legIn_s() - allowance_s;
            }
        } else {
            t[0] = stops.get(0).arrival_s();
            for (int i = 1; i < n; i++) {
                t[i] = t[i - 1] + allowance_s + stops.get(i).legIn_s();
            }
        }
        return t;
    }
}
