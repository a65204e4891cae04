package org.xiaoche.routing.validation;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-made plan: one bus, stops A (2 pupils) and B (1 pupil), 600 s from A to B and 300 s from
 * B to school; bell 08:00, so arrival must fall in 07:40–07:55. Each test breaks one rule.
 */
class PlanValidatorTest {

    private static final ValidationRules RULES = new ValidationRules(2700, 1800, java.util.Set.of(0, 1, 2, 3), 30, 5, 1200, 300, 1);
    private static final LonLat HERE = new LonLat(121, 37);
    private static final double ARRIVE_A = 7 * 3600 + 30 * 60; // 07:30:00

    private static final PlanValidator.LegTimes LEGS = (from, to) -> {
        if (from.placeId().equals(to.placeId())) {
            return 0;
        }
        String leg = from.placeId() + ">" + to.placeId();
        return switch (leg) {
            case "A>B", "B>A" -> 600;
            case "B>S1", "S1>B" -> 300;
            case "A>S1", "S1>A" -> 800;
            default -> Double.POSITIVE_INFINITY;
        };
    };

    private static final Map<String, PlanValidator.SchoolTimes> SCHOOLS =
            Map.of("S1", new PlanValidator.SchoolTimes(LocalTime.of(8, 0), LocalTime.of(16, 30)));

    private static final List<PlanValidator.NeedingStudent> NEEDING = List.of(
            new PlanValidator.NeedingStudent("P1", "S1", 2),
            new PlanValidator.NeedingStudent("P2", "S1", 5),
            new PlanValidator.NeedingStudent("P3", "S1", 8));

    /** The valid plan, built with the rules' own arithmetic. */
    private static PlanTimetable validPlan(int seats, UnaryOperator<List<TimedStop>> morningEdit) {
        double departA = ARRIVE_A + 30 + 5 * 2;
        double arriveB = departA + 600, departB = arriveB + 35;
        double arriveS = departB + 300, departS = arriveS + 30 + 5 * 3;
        List<TimedStop> am = new ArrayList<>(List.of(
                new TimedStop(1, "A", false, HERE, ARRIVE_A, departA, 2, 0, 2),
                new TimedStop(2, "B", false, HERE, arriveB, departB, 1, 0, 3),
                new TimedStop(3, "S1", true, HERE, arriveS, departS, 0, 3, 0)));
        am = morningEdit.apply(am);
        double dismissal = 16.5 * 3600;
        double leaveS = dismissal + 30 + 5 * 3;
        double atB = leaveS + 300, leaveB = atB + 35;
        double atA = leaveB + 600, leaveA = atA + 40;
        List<TimedStop> pm = List.of(
                new TimedStop(1, "S1", true, HERE, dismissal, leaveS, 3, 0, 3),
                new TimedStop(2, "B", false, HERE, atB, leaveB, 0, 1, 2),
                new TimedStop(3, "A", false, HERE, atA, leaveA, 0, 2, 0));
        BusRun morning = new BusRun("B01-AM1", "B01", "S1", RunDirection.AM, am);
        BusRun afternoon = new BusRun("B01-PM1", "B01", "S1", RunDirection.PM, pm);
        double schoolArrival = am.get(am.size() - 1).arrival_s();
        List<StudentJourney> students = List.of(
                journey("P1", 2, "A", am.get(0).arrival_s(), schoolArrival, leaveS, atA),
                journey("P2", 5, "A", am.get(0).arrival_s(), schoolArrival, leaveS, atA),
                journey("P3", 8, "B", am.get(1).arrival_s(), schoolArrival, leaveS, atB));
        return new PlanTimetable(List.of(new Bus("B01", "bus35", seats, List.of(morning, afternoon))), students, Map.of());
    }

    private static StudentJourney journey(String id, int grade, String stop, double pickup, double arrive, double leave, double drop) {
        return new StudentJourney.Builder(id, "S1", grade, stop, 240, 240, 120)
                .morning(id.equals("P9") ? "none" : "B01-AM1", pickup, arrive, arrive - pickup)
                .afternoon("B01-PM1", leave, drop).capInfeasible(null).build();
    }

    private static ValidationReport check(PlanTimetable plan) {
        return new PlanValidator(RULES, LEGS).validate(plan, NEEDING, SCHOOLS);
    }

    private static boolean broke(ValidationReport report, String rule) {
        return report.violations().stream().anyMatch(v -> v.rule().equals(rule));
    }

    @Test
    void theHandMadePlanIsValid() {
        ValidationReport report = check(validPlan(35, am -> am));
        assertTrue(report.valid(), report.violations().toString());
        assertEquals(2, report.runsChecked());
        assertEquals(3, report.studentsChecked());
    }

    @Test
    void tooFewSeats() {
        assertTrue(broke(check(validPlan(2, am -> am)), "seats"));
    }

    @Test
    void arrivingTooEarlyOrTooLate() {
        assertTrue(broke(check(validPlan(35, am -> shift(am, -3600))), "window"), "an hour early");
        assertTrue(broke(check(validPlan(35, am -> shift(am, +1800))), "window"), "half an hour late");
    }

    @Test
    void drivingFasterThanTheRoadsAllow() {
        ValidationReport report = check(validPlan(35, am -> {
            TimedStop b = am.get(1);
            am.set(1, new TimedStop(b.seq(), b.placeId(), false, b.location(), b.arrival_s() - 120, b.departure_s() - 120,
                    b.boarding(), b.alighting(), b.loadAfter()));
            return am;
        }));
        assertTrue(broke(report, "leg"), report.violations().toString());
    }

    @Test
    void wrongDwell() {
        ValidationReport report = check(validPlan(35, am -> {
            TimedStop a = am.get(0);
            am.set(0, new TimedStop(a.seq(), a.placeId(), false, a.location(), a.arrival_s(), a.arrival_s() + 5,
                    a.boarding(), a.alighting(), a.loadAfter()));
            return am;
        }));
        assertTrue(broke(report, "dwell"));
    }

    @Test
    void rideAndYoungJourneyCaps() {
        // A one-hour wait at stop A before moving on: P1 (grade 2) and P2 ride too long.
        ValidationReport report = check(validPlan(35, am -> {
            List<TimedStop> moved = new ArrayList<>(am);
            TimedStop a = am.get(0);
            moved.set(0, new TimedStop(1, "A", false, HERE, a.arrival_s() - 3600, a.departure_s() - 3600, 2, 0, 2));
            return moved;
        }));
        assertTrue(broke(report, "ride-cap"), report.violations().toString());
        assertTrue(broke(report, "journey-cap"), report.violations().toString());
    }

    @Test
    void aNeedingStudentMissingFromThePlan() {
        PlanTimetable full = validPlan(35, am -> am);
        PlanTimetable missing = new PlanTimetable(full.buses(), full.students().subList(0, 2), Map.of());
        ValidationReport report = check(missing);
        assertTrue(broke(report, "served-once"));
        assertTrue(broke(report, "load"), "stop B still lists a boarding nobody is assigned to");
        PlanTimetable reported = new PlanTimetable(full.buses(), full.students().subList(0, 2), Map.of("P3", "no stop within 500 m"));
        assertTrue(check(reported).violations().stream().noneMatch(v -> v.subject().equals("P3")),
                "a student reported unserved with a reason is not a coverage violation");
    }

    private static List<TimedStop> shift(List<TimedStop> stops, double delta_s) {
        return stops.stream().map(s -> new TimedStop(s.seq(), s.placeId(), s.school(), s.location(), s.arrival_s() + delta_s,
                s.departure_s() + delta_s, s.boarding(), s.alighting(), s.loadAfter())).toList();
    }
}
