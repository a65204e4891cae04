package org.xiaoche.routing.plan;

import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.roster.GradeBands;
import org.xiaoche.routing.stats.Percentiles;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A plan's figures broken down for the planner's summary: per school (students, walkers, needing
 * transport, served, unserved, buses, morning ride p50/p90/max), morning ride times per grade band
 * ({@link GradeBands}) in bins of {@link #BIN_S}, and seat use per run. Counts only: no student id.
 * Rides are the morning rides of carried students, as in the plan's {@link PlanSummary}, with the one
 * percentile rule ({@link Percentiles}); students and walkers come from the eligibility the plan was
 * made with and are null when it was not recorded.
 */
public record PlanBreakdown(List<SchoolFigures> schools, SchoolFigures total, int binWidth_s,
                            List<RideHistogram> rideHistograms, List<RunSeats> runs) {

    /** Width of a ride histogram's bin: 5 minutes. */
    public static final int BIN_S = 300;

    public PlanBreakdown {
        schools = List.copyOf(schools);
        rideHistograms = List.copyOf(rideHistograms);
        runs = List.copyOf(runs);
    }

    /**
     * One school's figures ({@code schoolId} null for the total). {@code served} counts every carried
     * student, {@code capInfeasible} among them; ride figures are NaN when nobody rides.
     */
    public record SchoolFigures(String schoolId, String schoolName, Integer students, Integer walkers,
                                int needingTransport, int served, int capInfeasible, int unserved, int buses,
                                double rideP50_s, double rideP90_s, double rideMax_s) {
    }

    /** Morning rides of one grade band: {@code counts.get(i)} rides of {@code i·binWidth_s} up to, not including, {@code (i+1)·binWidth_s}. */
    public record RideHistogram(String gradeBand, int riders, List<Integer> counts) {
        public RideHistogram {
            counts = List.copyOf(counts);
        }
    }

    /** One run's students against its bus's seats. */
    public record RunSeats(String runId, String busId, String schoolId, RunDirection direction, int students, int seats) {
    }

    /**
     * The breakdown of {@code plan}; {@code eligibility} holds each school's counts from the plan's own
     * eligibility (empty when not recorded: students and walkers are then null).
     */
    public static PlanBreakdown of(Plan plan, List<SchoolEligibilitySummary> eligibility) {
        Map<String, SchoolEligibilitySummary> counts = new TreeMap<>();
        eligibility.forEach(e -> counts.put(e.schoolId(), e));
        Set<String> schoolIds = new TreeSet<>(counts.keySet());
        plan.schools().forEach(s -> schoolIds.add(s.id()));
        plan.needing().forEach(n -> schoolIds.add(n.schoolId()));

        List<SchoolFigures> schools = new ArrayList<>();
        for (String id : schoolIds) {
            SchoolEligibilitySummary e = counts.get(id);
            schools.add(figures(plan, id, plan.findSchool(id).map(PlanSchool::name).orElse(e == null ? id : e.schoolName()),
                    e == null ? null : e.students(), e == null ? null : e.walkers(), id::equals));
        }
        boolean recorded = !counts.isEmpty();
        SchoolFigures total = figures(plan, null, null,
                recorded ? counts.values().stream().mapToInt(SchoolEligibilitySummary::students).sum() : null,
                recorded ? counts.values().stream().mapToInt(SchoolEligibilitySummary::walkers).sum() : null, school -> true);

        List<RunSeats> runs = new ArrayList<>();
        for (Bus bus : plan.buses()) {
            for (BusRun run : bus.runs()) {
                runs.add(new RunSeats(run.runId(), bus.busId(), run.schoolId(), run.direction(), run.students(), bus.seats()));
            }
        }
        return new PlanBreakdown(schools, total, BIN_S, histograms(plan.journeys()), runs);
    }

    private static SchoolFigures figures(Plan plan, String schoolId, String name, Integer students, Integer walkers,
                                         Predicate<String> school) {
        int needing = (int) plan.needing().stream().filter(n -> school.test(n.schoolId())).count();
        List<StudentJourney> carried = plan.journeys().stream().filter(j -> school.test(j.schoolId())).toList();
        int unserved = (int) plan.unserved().stream().filter(u -> school.test(u.schoolId())).count();
        int buses = (int) plan.buses().stream()
                .filter(b -> b.runs().stream().anyMatch(r -> school.test(r.schoolId()))).count();
        double[] rides = carried.stream().mapToDouble(StudentJourney::amRide_s).filter(Double::isFinite).sorted().toArray();
        return new SchoolFigures(schoolId, name, students, walkers, needing, carried.size(),
                (int) carried.stream().filter(StudentJourney::capInfeasible).count(), unserved, buses,
                Percentiles.of(rides, 0.5), Percentiles.of(rides, 0.9), rides.length == 0 ? Double.NaN : rides[rides.length - 1]);
    }

    /** One histogram per grade band that has riders, in band order, all with as many bins as the longest ride needs. */
    private static List<RideHistogram> histograms(List<StudentJourney> journeys) {
        Map<String, List<Double>> byBand = new TreeMap<>(GradeBands.ORDER);
        double longest_s = 0;
        for (StudentJourney j : journeys) {
            if (Double.isFinite(j.amRide_s())) {
                byBand.computeIfAbsent(GradeBands.of(j.grade()), k -> new ArrayList<>()).add(j.amRide_s());
                longest_s = Math.max(longest_s, j.amRide_s());
            }
        }
        int bins = (int) Math.floor(longest_s / BIN_S) + 1;
        List<RideHistogram> out = new ArrayList<>();
        byBand.forEach((band, rides) -> {
            int[] counts = new int[bins];
            rides.forEach(ride_s -> counts[(int) Math.floor(Math.max(0, ride_s) / BIN_S)]++);
            out.add(new RideHistogram(band, rides.size(), java.util.Arrays.stream(counts).boxed().toList()));
        });
        return out;
    }
}
