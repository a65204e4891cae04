package org.xiaoche.routing.scenario;

import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanScoring;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.GradeBands;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.stats.Percentiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Builds {@link Comparison}s; every figure comes from the plans' own contents and their inputs. */
public final class Comparisons {

    /** How many students with the largest journey changes the planner-only part lists. */
    public static final int LARGEST_CHANGES = 20;
    /** A village this near a closed school (straight line) is the one that loses it. */
    private static final double VILLAGE_WITHIN_M = 1_500;
    /** Grade from which a pupil may board (国办发〔2018〕27号: grades 1–3 do not board). */
    private static final int BOARDING_FROM_GRADE = 4;

    private Comparisons() {
    }

    /** Compares {@code scenarios} with {@code baseline}; {@code places} names the villages (may be {@link PlaceNames#NONE}). */
    public static Comparison compare(ComparedPlan baseline, List<ComparedPlan> scenarios, PlaceNames places) {
        StudentJourneys before = StudentJourneys.of(baseline);
        Comparison.PlanFigures base = figures(baseline, before);
        List<Comparison.ScenarioComparison> out = new ArrayList<>();
        for (ComparedPlan scenario : scenarios) {
            StudentJourneys after = StudentJourneys.of(scenario);
            Comparison.PlanFigures figures = figures(scenario, after);
            out.add(new Comparison.ScenarioComparison(scenario.name(), verdict(scenario, after), figures,
                    differences(base, figures), closedSchools(baseline, scenario, places),
                    receivingSchools(scenario, after), plannerOnly(before, after)));
        }
        return new Comparison(Comparison.FORMAT_VERSION, base, out);
    }

    /** The figures of one plan (used by candidates and the layout search too). */
    public static Comparison.PlanFigures figures(ComparedPlan plan) {
        return figures(plan, StudentJourneys.of(plan));
    }

    private static Comparison.PlanFigures figures(ComparedPlan compared, StudentJourneys journeys) {
        Plan plan = compared.plan();
        PlanningPolicy policy = plan.policy();
        List<StudentJourneys.Journey> all = List.copyOf(journeys.byStudent().values());
        Map<String, List<StudentJourneys.Journey>> byBand = new TreeMap<>(), bySchool = new TreeMap<>();
        for (StudentJourneys.Journey j : all) {
            byBand.computeIfAbsent(GradeBands.of(j.grade()), k -> new ArrayList<>()).add(j);
            bySchool.computeIfAbsent(j.schoolId(), k -> new ArrayList<>()).add(j);
        }
        Map<String, Comparison.JourneyStats> bandStats = new TreeMap<>(), schoolStats = new TreeMap<>();
        byBand.forEach((k, v) -> bandStats.put(k, stats(v)));
        bySchool.forEach((k, v) -> schoolStats.put(k, stats(v)));
        PlanScoring.DailyCost cost = PlanScoring.dailyCost(plan);
        double busMetres = plan.buses().stream().mapToDouble(b -> b.driven_m()).sum();
        int walkers = (int) compared.eligibility().count(EligibilityStatus.WALKS);
        int unreachable = (int) compared.eligibility().count(EligibilityStatus.UNREACHABLE);
        return new Comparison.PlanFigures(compared.name(), compared.input().students().size(),
                plan.needing().size(), walkers, unreachable, plan.unserved().size(), plan.buses().size(),
                plan.runs().size(), round(busMetres / 1000, 3),
                new Comparison.DailyCost(money(cost.buses()), money(cost.km()), money(cost.chaperones()), money(cost.total())),
                policy.schoolDaysPerYear(), money(cost.total() * policy.schoolDaysPerYear()), stats(all), bandStats, schoolStats,
                count(all, j -> j.byBus() && overRideCap(j, policy)), count(all, j -> youngOverCap(j, policy)),
                count(all, j -> boardingCandidate(j, policy)), plan.validation().valid());
    }

    /** A carried young pupil whose journey exceeds the young pupils' cap (应留必留). */
    static boolean youngOverCap(StudentJourneys.Journey j, PlanningPolicy policy) {
        return j.byBus() && policy.isYoungPupil(j.grade()) && j.journey_s() > policy.routes().journeyCapGrades1to3_s();
    }

    private static boolean overRideCap(StudentJourneys.Journey j, PlanningPolicy policy) {
        return j.ride_s() > policy.routes().rideCap_s();
    }

    /** A pupil of grade 4 or up whose journey is longer than the ride cap: one who may need a boarding bed. */
    static boolean boardingCandidate(StudentJourneys.Journey j, PlanningPolicy policy) {
        return j.byBus() && j.grade() >= BOARDING_FROM_GRADE && !policy.isYoungPupil(j.grade())
                && j.journey_s() > policy.routes().rideCap_s();
    }

    private static int count(List<StudentJourneys.Journey> journeys, Predicate<StudentJourneys.Journey> test) {
        return (int) journeys.stream().filter(test).count();
    }

    static Comparison.JourneyStats stats(List<StudentJourneys.Journey> journeys) {
        double[] sorted = journeys.stream().mapToDouble(StudentJourneys.Journey::journey_s).sorted().toArray();
        if (sorted.length == 0) {
            return new Comparison.JourneyStats(0, null, null, null, null);
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Comparison.JourneyStats(sorted.length, round(sum / sorted.length, 1), round(Percentiles.of(sorted, 0.5), 1),
                round(Percentiles.of(sorted, 0.9), 1), round(sorted[sorted.length - 1], 1));
    }

    private static Comparison.Verdict verdict(ComparedPlan scenario, StudentJourneys after) {
        PlanningPolicy policy = scenario.plan().policy();
        Set<String> unserved = scenario.plan().unserved().stream().map(u -> u.studentId()).collect(Collectors.toSet());
        int youngOver = 0, movedUnserved = 0;
        for (Reassignment r : scenario.reassignments()) {
            StudentJourneys.Journey j = after.byStudent().get(r.studentId());
            if (j != null && youngOverCap(j, policy)) {
                youngOver++;
            }
            if (unserved.contains(r.studentId())) {
                movedUnserved++;
            }
        }
        List<String> reasons = new ArrayList<>();
        if (youngOver > 0) {
            reasons.add(String.format(java.util.Locale.ROOT, "%d young pupils moved by the closure would travel longer than"
                    + " %.0f minutes: infeasible under 应留必留 (国办发〔2018〕27号)", youngOver,
                    policy.routes().journeyCapGrades1to3_s() / 60));
        }
        if (movedUnserved > 0) {
            reasons.add(movedUnserved + " moved students would have no bus");
        }
        if (!scenario.plan().validation().valid()) {
            reasons.add("the scenario's plan breaks the rules: " + scenario.plan().validation().verdict());
        }
        return new Comparison.Verdict(reasons.isEmpty(), youngOver, movedUnserved, reasons);
    }

    private static Comparison.Differences differences(Comparison.PlanFigures a, Comparison.PlanFigures b) {
        return new Comparison.Differences(b.needingTransport() - a.needingTransport(), b.walkers() - a.walkers(),
                b.unserved() - a.unserved(), b.buses() - a.buses(), b.runs() - a.runs(),
                round(b.busKmPerDay() - a.busKmPerDay(), 3), money(b.dailyCost().total() - a.dailyCost().total()),
                money(b.yearlyCost() - a.yearlyCost()), minus(b.journeys().mean_s(), a.journeys().mean_s()),
                minus(b.journeys().p50_s(), a.journeys().p50_s()), minus(b.journeys().p90_s(), a.journeys().p90_s()),
                minus(b.journeys().max_s(), a.journeys().max_s()), b.overRideCap() - a.overRideCap(),
                b.youngOverJourneyCap() - a.youngOverJourneyCap(), b.boardingCandidates() - a.boardingCandidates());
    }

    private static List<Comparison.ClosedSchool> closedSchools(ComparedPlan baseline, ComparedPlan scenario, PlaceNames places) {
        Map<String, School> schools = new HashMap<>();
        baseline.input().schools().forEach(s -> schools.put(s.id(), s));
        PlanningPolicy policy = scenario.plan().policy();
        List<Comparison.ClosedSchool> out = new ArrayList<>();
        for (String id : new TreeSet<>(scenario.closedSchoolIds())) {
            School s = schools.get(id);
            String village = places.findNearest(s.location(), VILLAGE_WITHIN_M, p -> isSettlement(p.kind()))
                    .map(PlaceNames.Place::name).orElse("");
            List<Reassignment> moved = scenario.reassignments().stream().filter(r -> r.fromSchoolId().equals(id)).toList();
            Map<String, Integer> to = new TreeMap<>();
            moved.forEach(r -> to.merge(r.toSchoolId(), 1, Integer::sum));
            out.add(new Comparison.ClosedSchool(id, s.name(), s.teachingPoint(), village, moved.size(),
                    (int) moved.stream().filter(r -> policy.isYoungPupil(r.grade())).count(), to));
        }
        return out;
    }

    private static boolean isSettlement(PlaceNames.Kind kind) {
        return kind == PlaceNames.Kind.VILLAGE || kind == PlaceNames.Kind.HAMLET || kind == PlaceNames.Kind.LOCALITY
                || kind == PlaceNames.Kind.ISOLATED_DWELLING || kind == PlaceNames.Kind.NEIGHBOURHOOD;
    }

    private static List<Comparison.ReceivingSchool> receivingSchools(ComparedPlan scenario, StudentJourneys after) {
        PlanningPolicy policy = scenario.plan().policy();
        Map<String, Integer> movedIn = new TreeMap<>();
        scenario.reassignments().forEach(r -> movedIn.merge(r.toSchoolId(), 1, Integer::sum));
        Map<String, Integer> enrolment = new HashMap<>();
        for (Student s : scenario.input().students()) {
            enrolment.merge(s.schoolId(), 1, Integer::sum);
        }
        Map<String, Integer> needing = new HashMap<>();
        scenario.plan().needing().forEach(n -> needing.merge(n.schoolId(), 1, Integer::sum));
        Map<String, Integer> boarding = new HashMap<>();
        after.byStudent().values().stream().filter(j -> boardingCandidate(j, policy))
                .forEach(j -> boarding.merge(j.schoolId(), 1, Integer::sum));
        Map<String, School> schools = new HashMap<>();
        scenario.input().schools().forEach(s -> schools.put(s.id(), s));
        List<Comparison.ReceivingSchool> out = new ArrayList<>();
        movedIn.forEach((id, moved) -> {
            School s = schools.get(id);
            int students = enrolment.getOrDefault(id, 0);
            Integer capacity = s.capacity() == 0 ? null : s.capacity();
            int beds = boarding.getOrDefault(id, 0);
            int lunch = needing.getOrDefault(id, 0);
            out.add(new Comparison.ReceivingSchool(id, s.name(), moved, students, capacity, status(students, capacity),
                    beds, s.boardingBeds(), status(beds, s.boardingBeds()), lunch, s.canteenSeats(),
                    status(lunch, s.canteenSeats())));
        });
        return out;
    }

    /** {@code enough}, {@code short by N} or {@code unknown}: never "enough" for a figure not given. */
    static String status(int need, Integer available) {
        if (available == null) {
            return Comparison.UNKNOWN;
        }
        return need <= available ? Comparison.ENOUGH : Comparison.SHORT + " by " + (need - available);
    }

    private static Comparison.PlannerOnly plannerOnly(StudentJourneys before, StudentJourneys after) {
        Set<String> ids = new HashSet<>(before.byStudent().keySet());
        ids.addAll(after.byStudent().keySet());
        List<Comparison.JourneyChange> changes = new ArrayList<>();
        for (String id : ids) {
            StudentJourneys.Journey a = before.byStudent().get(id), b = after.byStudent().get(id);
            Double change = a == null || b == null ? null : round(b.journey_s() - a.journey_s(), 1);
            if (change != null && change == 0) {
                continue;
            }
            changes.add(new Comparison.JourneyChange(id, a == null ? null : a.schoolId(), b == null ? null : b.schoolId(),
                    a == null ? null : round(a.journey_s(), 1), b == null ? null : round(b.journey_s(), 1), change));
        }
        // A journey gained or lost (no bus, or no longer measurable) ranks first; then the largest change; then id.
        changes.sort(Comparator.comparing((Comparison.JourneyChange c) -> c.change_s() != null)
                .thenComparing(c -> c.change_s() == null ? 0 : -Math.abs(c.change_s()))
                .thenComparing(Comparison.JourneyChange::studentId));
        return new Comparison.PlannerOnly(changes.stream().limit(LARGEST_CHANGES).toList());
    }

    private static Double minus(Double b, Double a) {
        return a == null || b == null ? null : round(b - a, 1);
    }

    static double money(double value) {
        return round(value, 2);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        double r = Math.round(value * scale) / scale;
        return r == 0 ? 0 : r; // no -0.0 in files
    }
}
