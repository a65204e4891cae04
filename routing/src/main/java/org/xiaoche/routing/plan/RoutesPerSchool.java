package org.xiaoche.routing.plan;

import org.xiaoche.routing.optimization.BackwardRouteTiming;
import org.xiaoche.routing.optimization.FleetPlanner;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.RunRules;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.SchoolRoutePlan;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.progress.ProgressListener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 5 of planning: each school's morning and afternoon runs. A school whose routing problem
 * digests to the fingerprint the base plan recorded gets the base's runs re-timed, with no solver
 * call; the others are solved in parallel, each with its own seed, so the result does not depend on
 * which school finishes first.
 */
public final class RoutesPerSchool {

    private final FleetPlanner planner;
    private final SolverBudget budget;

    public RoutesPerSchool(FleetPlanner planner, SolverBudget budget) {
        this.planner = planner;
        this.budget = budget;
    }

    /** One school's runs, solved or re-used, with its problems. */
    public record SolvedSchool(PickupGroups.SchoolProblems problems, List<SchoolRoute> morning,
                               List<SchoolRoute> afternoon, List<PickupStop> unservedMorning,
                               List<PickupStop> unservedAfternoon, SchoolRuns runs) {
    }

    /**
     * Stage 5: each school's morning and afternoon runs. A school whose problem fingerprint equals
     * the one {@code base} recorded gets the base's runs re-timed (no solver call); the others are
     * solved, in parallel, each with its own seed.
     */
    public List<SolvedSchool> routes(PickupGroups groups, Plan base, ProgressListener progress) {
        List<PickupGroups.SchoolProblems> toSolve = new ArrayList<>();
        Map<String, SolvedSchool> done = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        for (PickupGroups.SchoolProblems school : groups.schools()) {
            String fingerprint = fingerprint(school);
            fingerprints.put(school.schoolId(), fingerprint);
            SchoolRuns previous = base == null ? null
                    : base.findSchoolRuns(school.schoolId()).filter(r -> r.problemFingerprint().equals(fingerprint)).orElse(null);
            SolvedSchool reused = previous == null ? null : reuse(school, previous, groups);
            if (reused != null) {
                done.put(school.schoolId(), reused);
            } else {
                toSolve.add(school);
            }
        }
        List<SchoolRoutingProblem> problems = new ArrayList<>();
        for (PickupGroups.SchoolProblems school : toSolve) {
            problems.add(school.morning());
            problems.add(school.afternoon());
        }
        List<SchoolRoutePlan> plans = planner.solveEach(problems.stream().filter(p -> !p.stops().isEmpty()).toList(),
                budget, progress);
        Map<SchoolRoutingProblem, SchoolRoutePlan> byProblem = new java.util.IdentityHashMap<>();
        plans.forEach(p -> byProblem.put(p.problem(), p));
        for (PickupGroups.SchoolProblems school : toSolve) {
            SchoolRoutePlan am = byProblem.getOrDefault(school.morning(), new SchoolRoutePlan(school.morning(), List.of(), List.of()));
            SchoolRoutePlan pm = byProblem.getOrDefault(school.afternoon(), new SchoolRoutePlan(school.afternoon(), List.of(), List.of()));
            List<SchoolRoute> morning = new ArrayList<>(am.routes());
            List<SchoolRoute> afternoon = new ArrayList<>(pm.routes());
            SchoolRuns runs = new SchoolRuns(school.schoolId(), fingerprints.get(school.schoolId()),
                    morning.stream().map(r -> r.visits().stream().map(v -> v.stop().id()).toList()).toList(),
                    afternoon.stream().map(r -> reversed(r.visits().stream().map(v -> v.stop().id()).toList())).toList(),
                    true, am.wallCapHit() || pm.wallCapHit());
            done.put(school.schoolId(), new SolvedSchool(school, morning, afternoon, am.unserved(), pm.unserved(), runs));
        }
        return groups.schools().stream().map(s -> done.get(s.schoolId())).toList();
    }

    /** The base plan's runs of an unchanged school, re-timed; null if they no longer fit (then it is solved). */
    private static SolvedSchool reuse(PickupGroups.SchoolProblems school, SchoolRuns previous, PickupGroups groups) {
        List<SchoolRoute> morning = new ArrayList<>(), afternoon = new ArrayList<>();
        try {
            for (List<String> run : previous.morning()) {
                List<PickupStop> order = run.stream().map(id -> groups.pickup(id).stop()).toList();
                if (order.size() > 1 && !RunRules.feasible(school.morning(), order)) {
                    return null;
                }
                morning.add(BackwardRouteTiming.timed(school.morning(), order, school.morning().window().earliest_s()));
            }
            for (List<String> run : previous.afternoon()) {
                List<PickupStop> order = reversed(run).stream().map(id -> groups.pickup(id).afternoonStop()).toList();
                if (order.size() > 1 && !RunRules.feasible(school.afternoon(), order)) {
                    return null;
                }
                afternoon.add(BackwardRouteTiming.timed(school.afternoon(), order, school.afternoon().window().earliest_s()));
            }
        } catch (IllegalArgumentException unknownPickup) {
            return null;
        }
        SchoolRuns runs = new SchoolRuns(previous.schoolId(), previous.problemFingerprint(), previous.morning(),
                previous.afternoon(), false, previous.wallCapHit());
        return new SolvedSchool(school, morning, afternoon, List.of(), List.of(), runs);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    /**
     * Digest of everything the solver sees for one school: the pickups (id, students, caps, direct
     * flags, the students in them), window, dwell, seats, and the travel times among its places (to the
     * millisecond), so that a change at another school leaves it unchanged.
     */
    static String fingerprint(PickupGroups.SchoolProblems school) {
        StringBuilder text = new StringBuilder();
        SchoolRoutingProblem am = school.morning();
        text.append(school.schoolId()).append('|').append(am.window()).append('|').append(am.stopDwell())
                .append('|').append(am.schoolDwell()).append('|').append(am.seats()).append('\n');
        List<Integer> nodes = new ArrayList<>();
        nodes.add(am.schoolNode());
        for (PickupGroups.Pickup p : school.pickups()) {
            text.append(p.stop().id()).append('|').append(p.stop().students()).append('|').append(p.stop().maxRide_s())
                    .append('|').append(p.afternoonStop().maxRide_s()).append('|').append(p.directAm()).append(p.directPm());
            p.students().forEach(a -> text.append('|').append(a.studentId()));
            text.append('\n');
            nodes.add(p.stop().node());
        }
        for (int from : nodes) {
            for (int to : nodes) {
                // Whole milliseconds: the matrix splits roads at every place snapped onto them, so other schools'
                // places shift these sums in their last bits; the solver and re-timing see no such difference.
                text.append(Math.round(am.travelTimes().time_s(from, to) * 1000)).append(',');
            }
        }
        return PlanCodec.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
