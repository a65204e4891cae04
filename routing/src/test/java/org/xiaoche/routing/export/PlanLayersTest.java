package org.xiaoche.routing.export;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.geo.LonLat;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlanLayersTest {

    private static final LonLat HERE = new LonLat(117.2, 31.8);

    @Test
    void stopsCarryTheirCountsOnlyWhenIncluded() {
        PlanLayers.Stop stop = new PlanLayers.Stop("T001", "王家庄 · X012", "X012", 12, 3, "R01 07:10:00", HERE);
        assertEquals(List.of("stop_id", "stop_name", "road_name", "students", "young_pupils", "arrival_times"),
                stop.properties(PlanLayers.StudentCounts.INCLUDED).keys());
        assertEquals(List.of("stop_id", "stop_name", "road_name", "arrival_times"),
                stop.properties(PlanLayers.StudentCounts.LEFT_OUT).keys());
    }

    @Test
    void routesHaveTimesOfDayAndTheirLengthInTenthsOfAKilometre() {
        PlanLayers.Route route = new PlanLayers.Route("R01", "B01", "minibus", 19, "AM", "S1", 7, 7 * 3600 + 5 * 60 + 0.4,
                7 * 3600 + 40 * 60, 12.345, List.of(HERE, new LonLat(117.3, 31.9)));
        Map<String, Object> p = route.properties(PlanLayers.StudentCounts.INCLUDED).asMap();
        assertEquals(List.of("run_id", "bus_id", "bus_type", "seats", "direction", "school_id", "students", "start_time",
                "end_time", "length_km"), List.copyOf(p.keySet()));
        assertEquals("07:05:00", p.get("start_time"));
        assertEquals("07:40:00", p.get("end_time"));
        assertEquals(12.3, p.get("length_km"));
        assertFalse(route.properties(PlanLayers.StudentCounts.LEFT_OUT).keys().contains("students"));
    }

    /**
     * With counts left out, times are to the minute: dwell is 30 s + 5 s per boarding student, so a
     * stop where one more child boards (5 s later) must read the same.
     */
    @Test
    void withCountsLeftOutTimesAreWrittenToTheMinute() {
        double oneBoarding = 7 * 3600 + 12 * 60 + 35, threeBoarding = oneBoarding + 10;
        PlanLayers.Route one = new PlanLayers.Route("R01", "B01", "minibus", 19, "AM", "S1", 1, 7 * 3600, oneBoarding,
                1.0, List.of(HERE, new LonLat(117.3, 31.9)));
        PlanLayers.Route three = new PlanLayers.Route("R01", "B01", "minibus", 19, "AM", "S1", 3, 7 * 3600, threeBoarding,
                1.0, List.of(HERE, new LonLat(117.3, 31.9)));
        assertEquals("07:12", one.properties(PlanLayers.StudentCounts.LEFT_OUT).asMap().get("end_time"));
        assertEquals(one.properties(PlanLayers.StudentCounts.LEFT_OUT).asMap(), three.properties(PlanLayers.StudentCounts.LEFT_OUT).asMap());
        assertEquals("07:12:35", one.properties(PlanLayers.StudentCounts.INCLUDED).asMap().get("end_time"));
        assertEquals(Map.of("T001", "R01 07:12"), PlanLayers.arrivalTimesByStop(
                List.of(new PlanLayers.StopCall("T001", "R01", threeBoarding)), PlanLayers.StudentCounts.LEFT_OUT));
    }

    @Test
    void anUnservedRiderHasNullsNotZeros() {
        PlanLayers.Rider rider = new PlanLayers.Rider("P3", "S1", 4, "unserved", null, Double.NaN, null, Double.NaN,
                Double.NaN, Double.NaN, "unserved: no bus road near home", HERE);
        Map<String, Object> p = rider.properties().asMap();
        assertEquals(List.of("student_id", "school_id", "grade", "status", "stop_id", "walk_to_stop_m", "run_id",
                "pickup_time", "ride_s", "journey_s", "reason"), List.copyOf(p.keySet()));
        assertNull(p.get("walk_to_stop_m"));
        assertNull(p.get("pickup_time"));
        assertNull(p.get("ride_s"));
    }

    @Test
    void arrivalTimesAreInTimeOrderPerStop() {
        Map<String, String> times = PlanLayers.arrivalTimesByStop(List.of(
                new PlanLayers.StopCall("T002", "R03", 8 * 3600),
                new PlanLayers.StopCall("T001", "R02", 7 * 3600 + 30 * 60),
                new PlanLayers.StopCall("T001", "R01", 7 * 3600 + 10 * 60)));
        assertEquals(Map.of("T001", "R01 07:10:00; R02 07:30:00", "T002", "R03 08:00:00"), times);
    }

    @Test
    void lengthIsMeasuredAlongTheLine() {
        LonLat a = new LonLat(117, 31), b = new LonLat(117.01, 31), c = new LonLat(117.02, 31);
        assertEquals((a.distance_m(b) + b.distance_m(c)) / 1000, PlanLayers.length_km(List.of(a, b, c)), 1e-12);
        assertEquals(0, PlanLayers.length_km(List.of(a)));
    }
}
