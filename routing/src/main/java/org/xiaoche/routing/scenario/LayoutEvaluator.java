package org.xiaoche.routing.scenario;

import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.stats.Percentiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fast evaluator of the layout search: a layout's yearly cost and journeys estimated from the
 * baseline and each closure's {@link ClosureEffect} measured alone, with no planning. Cost: the baseline's
 * plus each closure's change. Journeys: the baseline's, with each student of a closed or receiving school
 * given the journey its closure's run found (the longest of them when several closures share a receiving
 * school, a pessimistic estimate). Feasible when every closure is feasible alone and each receiving school's
 * places, and beds and canteen seats when known, hold everyone the chosen closures send it. Pure and
 * immutable: {@link #evaluate} of the same choice always gives the same point, on any machine or thread.
 */
public final class LayoutEvaluator {

    /** A receiving school's limits and baseline needs (null limits are unknown and not checked). */
    public record ReceiverLimits(String schoolId, int enrolment, Integer capacity, int boarding, Integer boardingBeds,
                                 int lunch, Integer canteenSeats) {
    }

    private final double baselineYearlyCost;
    private final String[] studentIds;
    private final double[] baselineJourney_s;
    private final double[] sortedBaseline_s;
    private final double baselineSum_s;
    private final Map<String, Integer> studentIndex = new HashMap<>();
    private final Map<String, ClosureEffect> effects = new TreeMap<>();
    private final Map<String, ReceiverLimits> receivers = new TreeMap<>();

    /**
     * @param baselineJourneys_s student id → baseline journey door to school (students with no journey left out)
     */
    public LayoutEvaluator(double baselineYearlyCost, Map<String, Double> baselineJourneys_s,
                           Collection<ClosureEffect> effects, Collection<ReceiverLimits> receivers) {
        this.baselineYearlyCost = baselineYearlyCost;
        TreeMap<String, Double> sorted = new TreeMap<>(baselineJourneys_s);
        studentIds = sorted.keySet().toArray(new String[0]);
        baselineJourney_s = sorted.values().stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < studentIds.length; i++) {
            studentIndex.put(studentIds[i], i);
        }
        sortedBaseline_s = baselineJourney_s.clone();
        Arrays.sort(sortedBaseline_s);
        double sum = 0;
        for (double v : sortedBaseline_s) {
            sum += v;
        }
        baselineSum_s = sum;
        effects.forEach(e -> this.effects.put(e.option().key(), e));
        receivers.forEach(r -> this.receivers.put(r.schoolId(), r));
    }

    /** An evaluator for {@code effects} against {@code baseline}. */
    public static LayoutEvaluator of(Baseline baseline, Collection<ClosureEffect> effects) {
        Map<String, Double> journeys = new TreeMap<>();
        StudentJourneys.of(baseline.compared()).byStudent().forEach((id, j) -> journeys.put(id, j.journey_s()));
        Comparison.PlanFigures figures = Comparisons.figures(baseline.compared());
        PlanningPolicy policy = baseline.plan().policy();
        Set<String> receiving = new TreeSet<>();
        effects.forEach(e -> receiving.add(e.option().receivingSchoolId()));
        Map<String, Integer> enrolment = Candidates.enrolment(baseline.input().students());
        Map<String, Integer> boarding = new HashMap<>(), lunch = new HashMap<>();
        StudentJourneys.of(baseline.compared()).byStudent().values().stream()
                .filter(j -> Comparisons.boardingCandidate(j, policy)).forEach(j -> boarding.merge(j.schoolId(), 1, Integer::sum));
        baseline.plan().needing().forEach(n -> lunch.merge(n.schoolId(), 1, Integer::sum));
        List<ReceiverLimits> limits = new ArrayList<>();
        for (School s : baseline.input().schools()) {
            if (receiving.contains(s.id())) {
                limits.add(new ReceiverLimits(s.id(), enrolment.getOrDefault(s.id(), 0), s.capacity() == 0 ? null : s.capacity(),
                        boarding.getOrDefault(s.id(), 0), s.boardingBeds(), lunch.getOrDefault(s.id(), 0), s.canteenSeats()));
            }
        }
        return new LayoutEvaluator(figures.yearlyCost(), journeys, effects, limits);
    }

    /** The closure options this evaluator knows, in key order. */
    public List<ClosureOption> options() {
        return effects.values().stream().map(ClosureEffect::option).toList();
    }

    /** Estimates one layout. */
    public LayoutPoint evaluate(LayoutChoice choice) {
        List<String> whyNot = new ArrayList<>();
        double cost = baselineYearlyCost;
        Map<Integer, Double> changed = new HashMap<>();
        Map<String, int[]> received = new TreeMap<>(); // moved in, boarding change, lunch change
        for (ClosureOption option : choice.options()) {
            ClosureEffect e = effects.get(option.key());
            if (e == null) {
                throw new IllegalArgumentException("no measured effect for closing " + option.schoolId() + " into "
                        + option.receivingSchoolId());
            }
            if (choice.closures().containsKey(option.receivingSchoolId())) {
                whyNot.add(option.receivingSchoolId() + " cannot both close and receive " + option.schoolId());
            }
            e.whyNot().forEach(r -> whyNot.add(option.schoolId() + ": " + r));
            cost += e.yearlyCostChange();
            ReceiverLimits limits = receivers.get(option.receivingSchoolId());
            int[] r = received.computeIfAbsent(option.receivingSchoolId(), k -> new int[3]);
            r[0] += e.movedIn();
            r[1] += e.boardingAtReceiver() - limits.boarding();
            r[2] += e.lunchAtReceiver() - limits.lunch();
            e.journeys_s().forEach((id, journey_s) -> {
                Integer i = studentIndex.get(id);
                if (i != null) { // a student with no baseline journey is not in the estimate
                    changed.merge(i, journey_s, Math::max);
                }
            });
        }
        received.forEach((id, r) -> {
            ReceiverLimits l = receivers.get(id);
            over(whyNot, id, "places", l.enrolment() + r[0], l.capacity());
            over(whyNot, id, "boarding beds", l.boarding() + r[1], l.boardingBeds());
            over(whyNot, id, "canteen seats", l.lunch() + r[2], l.canteenSeats());
        });
        double sum = baselineSum_s;
        double[] removed = new double[changed.size()], added = new double[changed.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> c : changed.entrySet()) {
            removed[k] = baselineJourney_s[c.getKey()];
            added[k] = c.getValue();
            sum += added[k] - removed[k];
            k++;
        }
        int n = sortedBaseline_s.length;
        double mean = n == 0 ? 0 : sum / n;
        double p90 = n == 0 ? 0 : percentile(removed, added, 0.9);
        return new LayoutPoint(choice, whyNot.isEmpty(), whyNot, Comparisons.money(cost), Comparisons.round(mean, 3),
                Comparisons.round(p90, 3));
    }

    /**
     * The nearest-rank percentile (as {@link Percentiles#of}) of the baseline journeys with {@code removed}
     * taken out and {@code added} put in, walking down from the top: O(n·(1 − fraction)) rather than a sort.
     */
    private double percentile(double[] removed, double[] added, double fraction) {
        Arrays.sort(removed);
        Arrays.sort(added);
        int n = sortedBaseline_s.length;
        int rank = Math.max(1, Math.min(n, (int) Math.ceil(fraction * n)));
        int fromTop = n - rank; // values above the one wanted
        int b = n - 1, r = removed.length - 1, a = added.length - 1;
        while (true) {
            // Skip baseline values that were removed (matched from the top, as multisets).
            while (b >= 0 && r >= 0 && sortedBaseline_s[b] == removed[r]) {
                b--;
                r--;
            }
            double next;
            if (a >= 0 && (b < 0 || added[a] >= sortedBaseline_s[b])) {
                next = added[a--];
            } else {
                next = sortedBaseline_s[b--];
            }
            if (fromTop-- == 0) {
                return next;
            }
        }
    }

    private static void over(List<String> whyNot, String school, String what, int need, Integer available) {
        if (available != null && need > available) {
            whyNot.add("receiving school " + school + " would need " + need + " " + what + ", has " + available);
        }
    }
}
