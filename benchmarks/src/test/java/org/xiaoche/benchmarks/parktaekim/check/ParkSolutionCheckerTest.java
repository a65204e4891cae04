package org.xiaoche.benchmarks.parktaekim.check;

import org.junit.jupiter.api.Test;
import org.xiaoche.benchmarks.parktaekim.ParkInstance;
import org.xiaoche.benchmarks.parktaekim.ParkSchool;
import org.xiaoche.benchmarks.parktaekim.ParkStop;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-made instance: schools at x = 0 ft (window 8:00–8:20) and x = 88 000 ft (window
 * 9:00–9:20); stops 2 933.33 ft (100 s) away from their school. Each broken solution must trip
 * exactly the rule it breaks.
 */
class ParkSolutionCheckerTest {

    private static final double SPEED = 29.3333333;
    private static final int EIGHT = 8 * 3600;

    private static final ParkInstance INSTANCE = new ParkInstance("tiny",
            List.of(new ParkSchool(200001, 0, 0, EIGHT, EIGHT + 1200),
                    new ParkSchool(200002, 88_000, 0, EIGHT + 3600, EIGHT + 4800)),
            List.of(new ParkStop(100001, 100 * SPEED, 0, 200001, 40),
                    new ParkStop(100002, 200 * SPEED, 0, 200001, 20),
                    new ParkStop(100003, 88_000 + 100 * SPEED, 0, 200002, 10)));

    private static double dwell(int n) {
        return 19 + 2.6 * n;
    }

    /** A valid bus: 100002, 100001, school 1 at 8:00, then 100003 and school 2. */
    private static List<Visit> validVisits() {
        double arrive1 = EIGHT - dwell(40) - 100;
        double arrive2 = arrive1 - 100 - dwell(20);
        double leave1 = EIGHT + 29 + 1.9 * 60;
        double atSchool2 = EIGHT + 3600;
        double toStop3 = atSchool2 - 100 - dwell(10); // the bus waits there: it could arrive ~200 s earlier
        return new ArrayList<>(List.of(
                new Visit(100002, arrive2, arrive2 + dwell(20)),
                new Visit(100001, arrive1, arrive1 + dwell(40)),
                new Visit(200001, EIGHT, leave1),
                new Visit(100003, toStop3, toStop3 + dwell(10)),
                new Visit(200002, atSchool2, atSchool2 + 29 + 19)));
    }

    private static List<String> rulesBroken(List<BusTimetable> buses, double maxRide_s) {
        return ParkSolutionChecker.check(INSTANCE, buses, maxRide_s, 1e-6).stream().map(Violation::rule).distinct().toList();
    }

    @Test
    void validSolutionPasses() {
        assertEquals(List.of(), rulesBroken(List.of(new BusTimetable("1", validVisits())), 2700));
    }

    @Test
    void missedStopIsCaught() {
        List<Visit> visits = validVisits();
        visits.remove(3);
        visits.set(3, new Visit(200002, visits.get(3).arrival_s(), visits.get(3).departure_s()));
        assertEquals(List.of("stop-coverage"), rulesBroken(List.of(new BusTimetable("1", visits)), 2700));
    }

    @Test
    void overCapacityIsCaught() {
        ParkInstance crowded = new ParkInstance("crowded", INSTANCE.schools(),
                List.of(new ParkStop(100001, 100 * SPEED, 0, 200001, 50),
                        new ParkStop(100002, 200 * SPEED, 0, 200001, 20),
                        INSTANCE.stops().get(2)));
        List<Visit> visits = validVisits();
        // same ids and times; the timetable's dwell is too short for 50 students too, so ignore timing here
        List<String> broken = ParkSolutionChecker.check(crowded, List.of(new BusTimetable("1", visits)), 2700, 1e-6)
                .stream().map(Violation::rule).distinct().toList();
        assertTrue(broken.contains("capacity"), broken.toString());
        assertTrue(!broken.contains("stop-coverage") && !broken.contains("ride-time"), broken.toString());
    }

    @Test
    void rideOverMaximumIsCaught() {
        // first stop's ride = dwell(20) + 100 + dwell(40) + 100 = 345 s
        assertEquals(List.of("ride-time"), rulesBroken(List.of(new BusTimetable("1", validVisits())), 300));
    }

    @Test
    void missedWindowIsCaught() {
        List<Visit> late = validVisits().stream()
                .map(v -> new Visit(v.id(), v.arrival_s() + 7200, v.departure_s() + 7200)).toList();
        assertEquals(List.of("arrival-window"), rulesBroken(List.of(new BusTimetable("1", late)), 2700));
    }

    @Test
    void infeasibleChainIsCaught() {
        List<Visit> visits = validVisits();
        // the first run moves 1000 s later (still inside its window): the bus then cannot reach
        // stop 100003 in time for the second run
        for (int k = 0; k < 3; k++) {
            Visit v = visits.get(k);
            visits.set(k, new Visit(v.id(), v.arrival_s() + 1000, v.departure_s() + 1000));
        }
        assertEquals(List.of("timing"), rulesBroken(List.of(new BusTimetable("1", visits)), 2700));
    }

    @Test
    void studentsNeverDroppedAreCaught() {
        List<Visit> visits = validVisits().subList(0, 4);
        List<String> broken = rulesBroken(List.of(new BusTimetable("1", visits)), 2700);
        assertTrue(broken.contains("delivery"), broken.toString());
    }
}
