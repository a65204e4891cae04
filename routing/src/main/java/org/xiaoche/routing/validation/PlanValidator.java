package org.xiaoche.routing.validation;

import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a finished plan against the rules, independently of how it was made: it shares no code
 * with the stop placement, matrix or solver, only reads the timetable, the list of students who
 * need transport, the schools' times and a leg-time lookup. Every rule is recomputed from those.
 */
public final class PlanValidator {

    /** Bus travel time between two places of a timetable (a stop or a school), from the road data the plan used. */
    @FunctionalInterface
    public interface LegTimes {
        double time_s(TimedStop from, TimedStop to);
    }

    /** A student who needs transport, as eligibility decided. */
    public record NeedingStudent(String studentId, String schoolId, int grade) {
    }

    /** A school's morning bell and afternoon dismissal. */
    public record SchoolTimes(LocalTime bell, LocalTime dismissal) {
    }

    private final ValidationRules rules;
    private final LegTimes legs;

    public PlanValidator(ValidationRules rules, LegTimes legs) {
        this.rules = rules;
        this.legs = legs;
    }

    public ValidationReport validate(PlanTimetable plan, List<NeedingStudent> needing, Map<String, SchoolTimes> schools) {
        List<Violation> violations = new ArrayList<>();
        Map<String, BusRun> runsById = new HashMap<>();
        for (Bus bus : plan.buses()) {
            for (BusRun run : bus.runs()) {
                if (runsById.put(run.runId(), run) != null) {
                    violations.add(new Violation("unique-run", run.runId(), "run id used twice"));
                }
                if (!run.busId().equals(bus.busId())) {
                    violations.add(new Violation("unique-run", run.runId(), "listed under bus " + bus.busId() + " but says " + run.busId()));
                }
                checkRun(bus, run, schools.get(run.schoolId()), violations);
            }
            checkChaining(bus, violations);
        }
        checkStudents(plan, needing, runsById, violations);
        return new ValidationReport(violations, runsById.size(), plan.students().size());
    }

    private void checkRun(Bus bus, BusRun run, SchoolTimes school, List<Violation> violations) {
        String id = run.runId();
        if (school == null) {
            violations.add(new Violation("school", id, "unknown school " + run.schoolId()));
            return;
        }
        List<TimedStop> stops = run.stops();
        if (stops.size() < 2) {
            violations.add(new Violation("shape", id, "a run needs a school and at least one stop"));
            return;
        }
        TimedStop schoolStop = run.direction() == RunDirection.AM ? run.last() : run.first();
        if (!schoolStop.school() || !schoolStop.placeId().equals(run.schoolId())) {
            violations.add(new Violation("shape", id, run.direction() + " run must " + (run.direction() == RunDirection.AM ? "end" : "start")
                    + " at school " + run.schoolId()));
        }
        int load = 0;
        for (int k = 0; k < stops.size(); k++) {
            TimedStop s = stops.get(k);
            load += s.boarding() - s.alighting();
            if (load != s.loadAfter()) {
                violations.add(new Violation("load", id, "stop " + s.seq() + " says " + s.loadAfter() + " on board, boarding/alighting give " + load));
            }
            if (load > bus.seats()) {
                violations.add(new Violation("seats", id, load + " students on board, bus " + bus.busId() + " has " + bus.seats() + " seats"));
            }
            if (load < 0) {
                violations.add(new Violation("load", id, "negative load at stop " + s.seq()));
            }
            int moving = s.boarding() + s.alighting();
            double expectedDwell_s = rules.dwellFixed_s() + rules.dwellPerStudent_s() * moving;
            if (Math.abs((s.departure_s() - s.arrival_s()) - expectedDwell_s) > rules.tolerance_s()) {
                violations.add(new Violation("dwell", id, String.format(Locale.ROOT, "at %s dwell %.0f s, rule gives %.0f s",
                        s.placeId(), s.departure_s() - s.arrival_s(), expectedDwell_s)));
            }
            if (k > 0) {
                TimedStop prev = stops.get(k - 1);
                double leg_s = legs.time_s(prev, s);
                if (!Double.isFinite(leg_s)) {
                    violations.add(new Violation("leg", id, "no road from " + prev.placeId() + " to " + s.placeId()));
                } else if (s.arrival_s() + rules.tolerance_s() < prev.departure_s() + leg_s) {
                    violations.add(new Violation("leg", id, String.format(Locale.ROOT, "%s to %s takes %.0f s, run allows %.0f s",
                            prev.placeId(), s.placeId(), leg_s, s.arrival_s() - prev.departure_s())));
                }
            }
        }
        if (load != 0) {
            violations.add(new Violation("load", id, load + " students still on board at the end"));
        }
        if (run.direction() == RunDirection.AM) {
            double bell_s = school.bell().toSecondOfDay();
            double arrival_s = run.last().arrival_s();
            if (arrival_s < bell_s - rules.arrivalEarliestBeforeBell_s() - rules.tolerance_s()
                    || arrival_s > bell_s - rules.arrivalLatestBeforeBell_s() + rules.tolerance_s()) {
                violations.add(new Violation("window", id, "arrives at " + ClockTime.hhmmss(arrival_s) + ", window is "
                        + ClockTime.hhmmss(bell_s - rules.arrivalEarliestBeforeBell_s()) + "–" + ClockTime.hhmmss(bell_s - rules.arrivalLatestBeforeBell_s())));
            }
        } else if (run.first().arrival_s() + rules.tolerance_s() < school.dismissal().toSecondOfDay()) {
            violations.add(new Violation("window", id, "afternoon run at school before dismissal " + school.dismissal()));
        }
    }

    private void checkChaining(Bus bus, List<Violation> violations) {
        List<BusRun> ordered = new ArrayList<>(bus.runs());
        ordered.sort(Comparator.comparingDouble(r -> r.first().arrival_s()));
        for (int k = 1; k < ordered.size(); k++) {
            BusRun prev = ordered.get(k - 1), next = ordered.get(k);
            double deadhead_s = legs.time_s(prev.last(), next.first());
            if (next.first().arrival_s() + rules.tolerance_s() < prev.last().departure_s() + deadhead_s) {
                violations.add(new Violation("chaining", bus.busId(), "cannot reach run " + next.runId() + " after " + prev.runId()));
            }
        }
    }

    private void checkStudents(PlanTimetable plan, List<NeedingStudent> needing, Map<String, BusRun> runsById,
                               List<Violation> violations) {
        Map<String, NeedingStudent> expected = new HashMap<>();
        needing.forEach(s -> expected.put(s.studentId(), s));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> boardings = new HashMap<>();
        for (StudentJourney j : plan.students()) {
            String id = j.studentId();
            if (!seen.add(id)) {
                violations.add(new Violation("served-once", id, "student appears twice"));
                continue;
            }
            NeedingStudent need = expected.get(id);
            if (need == null) {
                violations.add(new Violation("served-once", id, "carried but does not need transport"));
                continue;
            }
            if (plan.unservedReasons().containsKey(id)) {
                violations.add(new Violation("served-once", id, "both carried and listed as unserved"));
            }
            if (j.capInfeasible() && (j.capReason() == null || j.capReason().isBlank())) {
                violations.add(new Violation("cap", id, "cap_infeasible without a reason"));
            }
            checkLeg(j, need, runsById.get(j.amRunId()), RunDirection.AM, boardings, violations);
            checkLeg(j, need, runsById.get(j.pmRunId()), RunDirection.PM, boardings, violations);
        }
        for (NeedingStudent s : needing) {
            if (!seen.contains(s.studentId())) {
                String reason = plan.unservedReasons().get(s.studentId());
                if (reason == null || reason.isBlank()) {
                    violations.add(new Violation("served-once", s.studentId(), "needs transport but is on no run and not reported"));
                }
            }
        }
        for (BusRun run : runsById.values()) {
            for (TimedStop stop : run.stops()) {
                int moving = run.direction() == RunDirection.AM ? stop.boarding() : stop.alighting();
                if (stop.school()) {
                    continue;
                }
                int counted = boardings.getOrDefault(run.runId() + "|" + stop.placeId(), 0);
                if (moving != counted) {
                    violations.add(new Violation("load", run.runId(), "stop " + stop.placeId() + " lists " + moving
                            + " students, " + counted + " are assigned to it"));
                }
            }
        }
    }

    private void checkLeg(StudentJourney j, NeedingStudent need, BusRun run, RunDirection direction,
                          Map<String, Integer> boardings, List<Violation> violations) {
        String id = j.studentId();
        if (run == null) {
            violations.add(new Violation("served-once", id, "no " + direction + " run"));
            return;
        }
        if (!run.schoolId().equals(need.schoolId()) || run.direction() != direction) {
            violations.add(new Violation("served-once", id, direction + " run " + run.runId() + " goes to " + run.schoolId()
                    + ", student attends " + need.schoolId()));
            return;
        }
        TimedStop stop = run.stops().stream().filter(s -> !s.school() && s.placeId().equals(j.stopId())).findFirst().orElse(null);
        if (stop == null) {
            violations.add(new Violation("served-once", id, direction + " run " + run.runId() + " does not call at stop " + j.stopId()));
            return;
        }
        boardings.merge(run.runId() + "|" + stop.placeId(), 1, Integer::sum);
        double ride_s = direction == RunDirection.AM ? run.last().arrival_s() - stop.arrival_s()
                : stop.arrival_s() - run.first().departure_s();
        double stated_s = direction == RunDirection.AM ? j.amRide_s() : j.pmRide_s();
        if (Math.abs(ride_s - stated_s) > rules.tolerance_s()) {
            violations.add(new Violation("ride", id, String.format(Locale.ROOT, "%s ride stated %.0f s, run gives %.0f s", direction, stated_s, ride_s)));
        }
        if (j.capInfeasible()) {
            return;
        }
        if (ride_s > rules.rideCap_s() + rules.tolerance_s()) {
            violations.add(new Violation("ride-cap", id, String.format(Locale.ROOT, "%s ride %.0f s over the %.0f s cap", direction, ride_s, rules.rideCap_s())));
        }
        if (direction == RunDirection.AM && rules.youngGrades().contains(need.grade())) {
            double journey_s = j.walk_s() + j.wait_s() + ride_s;
            if (journey_s > rules.journeyCapYoung_s() + rules.tolerance_s()) {
                violations.add(new Violation("journey-cap", id, String.format(Locale.ROOT,
                        "grade %d journey %.0f s (walk %.0f + wait %.0f + ride %.0f) over the %.0f s cap",
                        need.grade(), journey_s, j.walk_s(), j.wait_s(), ride_s, rules.journeyCapYoung_s())));
            }
        }
    }
}
