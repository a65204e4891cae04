package org.xiaoche.routing.plan;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hand-made plan of two schools whose breakdown is worked out by hand below. */
class PlanBreakdownTest {

    private static final LonLat HERE = new LonLat(0, 0);

    private static StudentJourney rider(String id, String school, int grade, double ride_s, boolean capInfeasible) {
        return new StudentJourney.Builder(id, school, grade, school + "-001", 100, 100, 120)
                .morning(school + "-AM", 25_000, 25_000 + ride_s, ride_s)
                .capInfeasible(capInfeasible ? "grade 2 journey 40.0 min (walk 1.7 + wait 2.0 + direct ride 36.3) exceeds the 30 min cap" : null)
                .build();
    }

    private static BusRun run(String runId, String busId, String school, RunDirection direction, int students) {
        return new BusRun(runId, busId, school, direction, List.of(
                new TimedStop(1, school + "-001", false, HERE, 25_000, 25_040, students, 0, students),
                new TimedStop(2, school, true, HERE, 26_000, 26_000, 0, students, 0)));
    }

    private final Plan plan = new Plan(Plan.FORMAT_VERSION, null, null, null, null,
            List.of(new PlanSchool("B", "乙校", HERE, 28_000, 60_000), new PlanSchool("A", "甲校", HERE, 28_000, 60_000)),
            List.of(), List.of(
                    new Bus("B01", "bus35", 35, List.of(run("B01-AM1", "B01", "A", RunDirection.AM, 4),
                            run("B01-PM1", "B01", "A", RunDirection.PM, 4))),
                    new Bus("B02", "bus19", 19, List.of(run("B02-AM1", "B02", "A", RunDirection.AM, 0),
                            run("B02-AM2", "B02", "B", RunDirection.AM, 1)))),
            List.of(rider("a1", "A", 1, 100, false), rider("a2", "A", 2, 2_400, true), rider("a3", "A", 5, 700, false),
                    rider("a4", "A", 11, 299, false), rider("b1", "B", 7, 650, false)),
            List.of(new Plan.NeedingStudent("a1", "A", 1), new Plan.NeedingStudent("a2", "A", 2),
                    new Plan.NeedingStudent("a3", "A", 5), new Plan.NeedingStudent("a4", "A", 11),
                    new Plan.NeedingStudent("a5", "A", 4), new Plan.NeedingStudent("b1", "B", 7)),
            List.of(new UnservedStudent("a5", "A", 4, UnservedReason.NO_BUS_ROAD_NEAR_HOME, "no road where a bus may stop within 3000 m")),
            List.of(), null, null);

    @Test
    void perSchoolFiguresAreCountedFromThePlan() {
        PlanBreakdown b = PlanBreakdown.of(plan, List.of(
                new SchoolEligibilitySummary("A", "甲校", 9, 2, 6, 1, 0, 0, 0),
                new SchoolEligibilitySummary("B", "乙校", 3, 2, 1, 0, 0, 0, 0)));
        assertEquals(List.of("A", "B"), b.schools().stream().map(PlanBreakdown.SchoolFigures::schoolId).toList(), "in id order");
        PlanBreakdown.SchoolFigures a = b.schools().get(0);
        assertEquals("甲校", a.schoolName());
        assertEquals(9, a.students());
        assertEquals(2, a.walkers());
        assertEquals(5, a.needingTransport());
        assertEquals(4, a.served());
        assertEquals(1, a.capInfeasible());
        assertEquals(1, a.unserved());
        assertEquals(2, a.buses(), "B02 has a run of A, though empty");
        // A's rides sorted: 100, 299, 700, 2400 -> nearest rank p50 = 2nd, p90 = 4th.
        assertEquals(299, a.rideP50_s());
        assertEquals(2_400, a.rideP90_s());
        assertEquals(2_400, a.rideMax_s());
        PlanBreakdown.SchoolFigures schoolB = b.schools().get(1);
        assertEquals(1, schoolB.buses());
        assertEquals(650, schoolB.rideP50_s());
        assertEquals(650, schoolB.rideMax_s());

        PlanBreakdown.SchoolFigures total = b.total();
        assertNull(total.schoolId());
        assertEquals(12, total.students());
        assertEquals(4, total.walkers());
        assertEquals(6, total.needingTransport());
        assertEquals(5, total.served());
        assertEquals(2, total.buses());
        // All rides: 100, 299, 650, 700, 2400 -> p50 = 3rd, p90 = 5th.
        assertEquals(650, total.rideP50_s());
        assertEquals(2_400, total.rideP90_s());
    }

    @Test
    void ridesPerGradeBandInFiveMinuteBins() {
        PlanBreakdown b = PlanBreakdown.of(plan, List.of());
        assertEquals(300, b.binWidth_s());
        assertEquals(List.of("1-3", "4-6", "7-9", "10-12"),
                b.rideHistograms().stream().map(PlanBreakdown.RideHistogram::gradeBand).toList(), "bands in grade order");
        // The longest ride (2400 s) falls in bin 8 (2400 / 300): nine bins for every band.
        b.rideHistograms().forEach(h -> assertEquals(9, h.counts().size(), h.gradeBand()));
        PlanBreakdown.RideHistogram young = b.rideHistograms().get(0);
        assertEquals(2, young.riders());
        assertEquals(1, (int) young.counts().get(0));
        assertEquals(1, (int) young.counts().get(8));
        assertEquals(1, (int) b.rideHistograms().get(1).counts().get(2), "700 s is in 10-15 min");
        assertEquals(1, (int) b.rideHistograms().get(2).counts().get(2), "650 s is in 10-15 min");
        assertEquals(1, (int) b.rideHistograms().get(3).counts().get(0), "299 s is under 5 min");
    }

    @Test
    void seatsPerRunAndUnknownEligibility() {
        PlanBreakdown b = PlanBreakdown.of(plan, List.of());
        assertEquals(List.of("B01-AM1", "B01-PM1", "B02-AM1", "B02-AM2"), b.runs().stream().map(PlanBreakdown.RunSeats::runId).toList());
        PlanBreakdown.RunSeats first = b.runs().get(0);
        assertEquals(4, first.students());
        assertEquals(35, first.seats());
        assertEquals(19, b.runs().get(3).seats());
        assertNull(b.schools().get(0).students(), "not recorded: unknown, not 0");
        assertNull(b.total().walkers());
        assertTrue(Double.isNaN(PlanBreakdown.of(new Plan(1, null, null, null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null), List.of()).total().rideP50_s()));
    }
}
