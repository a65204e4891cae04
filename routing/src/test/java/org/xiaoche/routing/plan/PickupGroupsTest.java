package org.xiaoche.routing.plan;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BusTravelTimes;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.stops.StopAssignment;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pickups at one stop are split by cap as well as by seats (hand-worked cases). */
class PickupGroupsTest {

    private static final LonLat STOP = new LonLat(121.0, 37.0);
    private static final LonLat SCHOOL = new LonLat(121.2, 37.0);

    /** One stop {@code drive_s} from the school (both ways) with {@code students} students of grade {@code grade}. */
    private static PickupGroups groups(double drive_s, int students, int grade) {
        PlacePoints places = new PlacePoints();
        places.add(PlacePoints.stopKey("T1"), STOP);
        places.add(PlacePoints.schoolKey("S1"), SCHOOL);
        places.attach(new BusTravelTimes(List.of(STOP, SCHOOL), new double[2], new double[]{0, drive_s, drive_s, 0},
                new double[]{0, 30_000, 30_000, 0}));
        List<StopAssignment> served = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            served.add(new StopAssignment(String.format("P%03d", i), "S1", grade, "T1", 0, 0, ""));
        }
        School school = new School("S1", "一中", SchoolLevel.JUNIOR, SCHOOL, 0, LocalTime.of(8, 0), LocalTime.of(16, 0), false);
        return new PickupGroups(served, Map.of("S1", school), places, RouteRules.defaults(), g -> g <= 3, 56);
    }

    @Test
    void aBusyStopWhoseDirectTripBreaksTheCapIsSplitIntoLoadsThatMeetIt() {
        // 2,517 s drive + 30 s + 5 s × 51 boarders = 2,802 s > 2,700 s; loads of 30 give 2,697 s.
        PickupGroups groups = groups(2_517, 51, 7);
        List<PickupGroups.Pickup> pickups = groups.schools().get(0).pickups();
        assertEquals(List.of(30, 21), pickups.stream().map(p -> p.students().size()).toList());
        assertTrue(groups.capReasons().isEmpty(), "no student is cap_infeasible: " + groups.capReasons());
        for (PickupGroups.Pickup p : pickups) {
            assertFalse(p.directAm() || p.directPm());
            assertEquals(2_700, p.stop().maxRide_s(), 1e-9, "the cap is the rule, not relaxed");
            assertTrue(30 + 5 * p.students().size() + 2_517 <= 2_700, "its direct trip meets the cap");
        }
    }

    @Test
    void studentsWhomEvenADirectTripAloneCannotServeAreCapInfeasibleAndRideTheDirectTrip() {
        // 2,680 s drive + 35 s for one boarder = 2,715 s > 2,700 s: no load can meet the cap.
        PickupGroups groups = groups(2_680, 40, 7);
        assertEquals(40, groups.capReasons().size());
        List<PickupGroups.Pickup> pickups = groups.schools().get(0).pickups();
        assertEquals(1, pickups.size(), "one direct pickup: splitting cannot help");
        PickupGroups.Pickup p = pickups.get(0);
        assertTrue(p.directAm() && p.directPm());
        assertEquals(30 + 5 * 40 + 2_680 + 1, p.stop().maxRide_s(), 1e-9, "the cap becomes the direct trip");
        assertTrue(groups.capReasons().get("P000").contains("direct ride 45.3 min exceeds the 45 min ride cap"),
                groups.capReasons().get("P000"));
    }

    @Test
    void seatsStillSplitAStopThatMeetsTheCap() {
        PickupGroups groups = groups(600, 120, 7);
        assertEquals(List.of(56, 56, 8), groups.schools().get(0).pickups().stream().map(p -> p.students().size()).toList());
    }
}
