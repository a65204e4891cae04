package org.xiaoche.routing.optimization;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunRulesTest {

    /** School at 0, stops at 100 and 200 on a line; dwell 10 + 1/student. */
    private static SchoolRoutingProblem problem(int seats, double maxRide_s) {
        TravelTimes line = new GridTravelTimes(new double[]{0, 100, 200}, new double[3]);
        return new SchoolRoutingProblem("S", 0, new ArrivalWindow(28_800, 29_400),
                List.of(new PickupStop("far", 2, 20, maxRide_s), new PickupStop("near", 1, 30, maxRide_s)),
                new DwellModel(10, 1), new DwellModel(20, 0), seats, line);
    }

    @Test
    void ridesFollowParkConventionIncludingOwnDwell() {
        SchoolRoutingProblem p = problem(66, 1000);
        // near: dwell 40 + 100 to school = 140; far: dwell 30 + 100 + 140 = 270
        assertArrayEquals(new double[]{270, 140}, BackwardRouteTiming.rides_s(p, p.stops()), 1e-9);
    }

    @Test
    void timedRouteAnchorsAtSchoolArrival() {
        SchoolRoutingProblem p = problem(66, 1000);
        SchoolRoute route = BackwardRouteTiming.timed(p, p.stops(), 29_000);
        assertEquals(29_000 - 270, route.start_s(), 1e-9);
        assertEquals(29_000 - 270 + 30, route.visits().get(0).departure_s(), 1e-9);
        assertEquals(50, route.load());
        assertEquals(29_020, route.schoolDeparture_s(), 1e-9);
        assertEquals(200, route.driving_s(p.travelTimes()), 1e-9);
        assertEquals(29_100, route.shiftedTo(29_100).schoolArrival_s(), 1e-9);
        assertEquals(29_100 - 270, route.shiftedTo(29_100).start_s(), 1e-9);
    }

    @Test
    void seatRuleMeasuresExcessStudents() {
        SchoolRoutingProblem p = problem(45, 1000);
        assertEquals(5, RunRules.seatExcess(p, p.stops()));
        assertEquals(0, RunRules.seatExcess(p, p.stops().subList(0, 1)));
    }

    @Test
    void rideCapRuleMeasuresSecondsOverEachStopsCap() {
        SchoolRoutingProblem p = problem(66, 200);
        assertEquals(70, RunRules.rideExcess_s(p, p.stops()), 1e-9);
        assertFalse(RunRules.feasible(p, p.stops()));
        assertTrue(RunRules.feasible(p, p.stops().subList(1, 2)));
    }

    @Test
    void stopWhoseDirectRideBreaksItsCapIsNotServable() {
        SchoolRoutingProblem p = problem(66, 200);
        assertFalse(RunRules.servableAlone(p, p.stops().get(0)), "far: 30 + 200 > 200");
        assertTrue(RunRules.servableAlone(p, p.stops().get(1)));
    }
}
