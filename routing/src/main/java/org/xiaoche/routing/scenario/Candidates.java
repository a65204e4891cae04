package org.xiaoche.routing.scenario;

import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Small schools that might be merged (小规模学校: fewer than 100 students, and every teaching point;
 * 国办发〔2018〕27号), the schools that could receive them, and the effect of each merger measured by a full
 * scenario run. Receiving schools are the schools that are not candidates themselves (a merger goes to a
 * larger school, and a school cannot both close and receive), teach every grade of the candidate's
 * students, are reachable by bus, and have room when their capacity is known.
 */
public final class Candidates {

    /** Fewer students than this make a small school (国办发〔2018〕27号: 小规模学校, under 100 pupils). */
    public static final int SMALL_SCHOOL_STUDENTS = 100;

    private Candidates() {
    }

    /**
     * One candidate and the effect of merging it into its nearest receiving school.
     *
     * @param receivingSchoolId        null when no school can receive it
     * @param journeyAddedMean_s       mean change of the journeys of its students (null when none has a journey in both)
     * @param costSavedPerMinuteAdded  yearly cost saved per minute of mean journey added; null when no minute is added
     */
    public record Candidate(String schoolId, String name, boolean teachingPoint, int students, String receivingSchoolId,
                            double yearlyCostSaved, Double journeyAddedMean_s, Double journeyAddedMax_s, boolean feasible,
                            List<String> whyNot, Double costSavedPerMinuteAdded) {
        public Candidate {
            whyNot = List.copyOf(whyNot);
        }
    }

    /** The small schools of {@code input}, in id order. */
    public static List<School> smallSchools(PlanInput input) {
        Map<String, Integer> enrolment = enrolment(input.students());
        return input.schools().stream()
                .filter(s -> s.teachingPoint() || enrolment.getOrDefault(s.id(), 0) < SMALL_SCHOOL_STUDENTS)
                .sorted(Comparator.comparing(School::id)).toList();
    }

    /**
     * Up to {@code perCandidate} receiving schools for each of {@code candidateIds}, nearest by bus time first:
     * not a candidate, teaching every grade of the candidate's students, with room for all of them when the
     * capacity is known. A candidate with no such school gets no option.
     */
    public static List<ClosureOption> options(PlanInput input, SchoolBusTimes times, Collection<String> candidateIds,
                                              int perCandidate) {
        if (perCandidate < 1) {
            throw new IllegalArgumentException("at least one receiving school per candidate, got " + perCandidate);
        }
        Set<String> candidates = new TreeSet<>(candidateIds);
        Map<String, School> byId = new HashMap<>();
        input.schools().forEach(s -> byId.put(s.id(), s));
        for (String id : candidates) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("no school with id '" + id + "' in the baseline");
            }
        }
        Map<String, Integer> enrolment = enrolment(input.students());
        List<School> receivers = input.schools().stream().filter(s -> !candidates.contains(s.id())).toList();
        List<ClosureOption> options = new ArrayList<>();
        for (String id : candidates) {
            Set<Integer> grades = new HashSet<>();
            input.students().stream().filter(s -> s.schoolId().equals(id)).forEach(s -> grades.add(s.grade()));
            int moving = enrolment.getOrDefault(id, 0);
            times.nearestFirst(id, receivers).stream()
                    .filter(r -> grades.stream().allMatch(g -> r.level().teaches(g)))
                    .filter(r -> r.capacity() == 0 || enrolment.getOrDefault(r.id(), 0) + moving <= r.capacity())
                    .limit(perCandidate)
                    .forEach(r -> options.add(new ClosureOption(id, r.id())));
        }
        return options;
    }

    /** Runs the closure of {@code option} alone and measures its effect. */
    public static ClosureEffect measure(ScenarioRunner runner, Baseline baseline, ClosureOption option,
                                        ProgressListener progress) {
        Scenario scenario = new Scenario("close " + option.schoolId() + " into " + option.receivingSchoolId(),
                baseline.fingerprint(), List.of(new Scenario.Closure(option.schoolId(), option.receivingSchoolId())),
                List.of(), null, null);
        return effect(baseline, runner.run(baseline, scenario, progress));
    }

    /** The effect of a one-closure scenario already run against {@code baseline}. */
    public static ClosureEffect effect(Baseline baseline, ScenarioResult result) {
        Scenario.Closure closure = result.scenario().closures().get(0);
        if (result.scenario().closures().size() != 1 || closure.toNearest()) {
            throw new IllegalArgumentException("an effect is measured on one closure into a named school");
        }
        ClosureOption option = new ClosureOption(closure.schoolId(), closure.receivingSchoolId());
        Comparison c = Comparisons.compare(baseline.compared(), List.of(result.compared()), PlaceNames.NONE);
        Comparison.ScenarioComparison s = c.scenarios().get(0);
        List<String> whyNot = new ArrayList<>(s.verdict().reasons());
        Comparison.ReceivingSchool receiver = s.receivingSchools().stream()
                .filter(r -> r.schoolId().equals(option.receivingSchoolId())).findFirst().orElseThrow();
        shortfall(whyNot, receiver.capacityStatus(), "places", receiver);
        shortfall(whyNot, receiver.bedsStatus(), "boarding beds", receiver);
        shortfall(whyNot, receiver.canteenStatus(), "canteen seats", receiver);
        Map<String, Double> journeys = new HashMap<>();
        StudentJourneys.of(result.compared()).byStudent().values().stream()
                .filter(j -> j.schoolId().equals(option.receivingSchoolId()))
                .forEach(j -> journeys.put(j.studentId(), j.journey_s()));
        return new ClosureEffect(option, s.differences().yearlyCost(), journeys, receiver.studentsMovedIn(),
                receiver.boardingCandidates(), receiver.lunchStudents(), whyNot);
    }

    /**
     * Candidates ranked: feasible first; then those adding no journey time by cost saved; then by cost saved
     * per minute of mean journey added; then id. {@code effects} holds one effect per candidate merged
     * (the nearest receiving school's); candidates without one are listed as having no receiving school.
     */
    public static List<Candidate> rank(Baseline baseline, List<School> candidates, List<ClosureEffect> effects) {
        Map<String, ClosureEffect> bySchool = new HashMap<>();
        effects.forEach(e -> bySchool.putIfAbsent(e.option().schoolId(), e));
        Map<String, Integer> enrolment = enrolment(baseline.input().students());
        Map<String, StudentJourneys.Journey> before = StudentJourneys.of(baseline.compared()).byStudent();
        List<Candidate> out = new ArrayList<>();
        for (School school : candidates) {
            ClosureEffect e = bySchool.get(school.id());
            int students = enrolment.getOrDefault(school.id(), 0);
            if (e == null) {
                out.add(new Candidate(school.id(), school.name(), school.teachingPoint(), students, null, 0, null, null,
                        false, List.of("no school that is not itself small teaches its grades, has room and is reachable by bus"),
                        null));
                continue;
            }
            double sum = 0, max = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (Map.Entry<String, StudentJourneys.Journey> b : before.entrySet()) {
                Double after = b.getValue().schoolId().equals(school.id()) ? e.journeys_s().get(b.getKey()) : null;
                if (after != null) {
                    double added = after - b.getValue().journey_s();
                    sum += added;
                    max = Math.max(max, added);
                    n++;
                }
            }
            Double mean = n == 0 ? null : Comparisons.round(sum / n, 1);
            double saved = Comparisons.money(-e.yearlyCostChange());
            Double perMinute = mean == null || mean <= 0 ? null : Comparisons.money(saved / (mean / 60));
            out.add(new Candidate(school.id(), school.name(), school.teachingPoint(), students,
                    e.option().receivingSchoolId(), saved, mean, n == 0 ? null : Comparisons.round(max, 1), e.feasible(),
                    e.whyNot(), perMinute));
        }
        out.sort(Comparator.comparing((Candidate c) -> !c.feasible())
                .thenComparing(c -> c.costSavedPerMinuteAdded() != null)
                .thenComparing(c -> c.costSavedPerMinuteAdded() == null ? -c.yearlyCostSaved() : -c.costSavedPerMinuteAdded())
                .thenComparing(Candidate::schoolId));
        return out;
    }

    private static void shortfall(List<String> whyNot, String status, String what, Comparison.ReceivingSchool r) {
        if (status.startsWith(Comparison.SHORT)) {
            whyNot.add("receiving school " + r.schoolId() + " is " + status + " " + what);
        }
    }

    static Map<String, Integer> enrolment(List<Student> students) {
        Map<String, Integer> enrolment = new HashMap<>();
        students.forEach(s -> enrolment.merge(s.schoolId(), 1, Integer::sum));
        return enrolment;
    }
}
