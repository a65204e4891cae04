package org.xiaoche.routing.scenario;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.stats.Percentiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The layout search against brute force: on 12 candidates with two receiving schools each (3^12 layouts)
 * the optimiser's Pareto set equals the one this test finds by enumerating every layout itself and
 * filtering by dominance pair by pair; the evaluator's mean and p90 equal those of the journeys rebuilt
 * by hand; merging batches in any order gives the same set.
 */
class LayoutOptimiserTest {

    private static final List<LayoutEvaluator.ReceiverLimits> LIMITS = List.of(
            new LayoutEvaluator.ReceiverLimits("R0", 40, 64, 0, null, 10, null),
            new LayoutEvaluator.ReceiverLimits("R1", 40, null, 0, null, 10, 30),
            new LayoutEvaluator.ReceiverLimits("R2", 40, 72, 0, 0, 10, null),
            new LayoutEvaluator.ReceiverLimits("R3", 40, null, 0, null, 10, null));

    /** Candidates C00.. of 8 pupils, receivers R0..R3 of 40 pupils with some limits; seeded random effects. */
    static LayoutEvaluator instance(long seed, int candidates, int receivers) {
        Parts parts = parts(seed, candidates, receivers);
        return new LayoutEvaluator(500_000, parts.base(), parts.effects(), LIMITS);
    }

    /** Every layout, by recursion over the candidates (stay open, or one of the options). */
    static void enumerate(List<List<ClosureOption>> byCandidate, int next, List<ClosureOption> chosen, List<LayoutChoice> out) {
        if (next == byCandidate.size()) {
            out.add(LayoutChoice.of(chosen));
            return;
        }
        enumerate(byCandidate, next + 1, chosen, out);
        for (ClosureOption o : byCandidate.get(next)) {
            chosen.add(o);
            enumerate(byCandidate, next + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    static List<List<ClosureOption>> byCandidate(LayoutEvaluator evaluator) {
        Map<String, List<ClosureOption>> map = new TreeMap<>();
        evaluator.options().forEach(o -> map.computeIfAbsent(o.schoolId(), k -> new ArrayList<>()).add(o));
        return new ArrayList<>(map.values());
    }

    @Test
    void optimiserReturnsExactlyTheParetoSetOfExhaustiveEnumeration() {
        assertSameAsBruteForce(instance(7, 12, 1), 4_096);
        assertSameAsBruteForce(instance(8, 8, 2), 6_561);
    }

    private static void assertSameAsBruteForce(LayoutEvaluator evaluator, int layouts) {
        List<LayoutChoice> all = new ArrayList<>();
        enumerate(byCandidate(evaluator), 0, new ArrayList<>(), all);
        assertEquals(layouts, all.size());
        List<LayoutPoint> points = all.stream().map(evaluator::evaluate).filter(LayoutPoint::feasible).toList();
        // Brute-force front: not dominated by any other point; of equal objectives the smallest key.
        List<String> expected = new ArrayList<>();
        for (LayoutPoint p : points) {
            boolean keep = true;
            for (LayoutPoint q : points) {
                boolean noWorse = q.yearlyCost() <= p.yearlyCost() && q.meanJourney_s() <= p.meanJourney_s()
                        && q.p90Journey_s() <= p.p90Journey_s();
                boolean equal = q.yearlyCost() == p.yearlyCost() && q.meanJourney_s() == p.meanJourney_s()
                        && q.p90Journey_s() == p.p90Journey_s();
                if (noWorse && !equal || equal && q.choice().key().compareTo(p.choice().key()) < 0) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                expected.add(p.choice().key());
            }
        }
        Collections.sort(expected);
        ParetoSet found = new LayoutOptimiser(new LayoutOptimiser.Settings(12, 1, 1_000)).search(evaluator,
                org.xiaoche.routing.progress.ProgressListener.NONE);
        List<String> got = new ArrayList<>(found.points().stream().map(p -> p.choice().key()).toList());
        Collections.sort(got);
        assertTrue(expected.size() > 3, "a trade-off, not one answer: " + expected.size());
        assertEquals(expected, got);
    }

    @Test
    void batchesMergedInAnyOrderGiveTheSameSet() {
        LayoutEvaluator evaluator = instance(11, 8, 2);
        List<ClosureOption> options = evaluator.options();
        long n = LayoutOptimiser.layouts(options);
        List<ParetoSet> parts = new ArrayList<>();
        for (long from = 0; from < n; from += 500) {
            parts.add(LayoutOptimiser.evaluateBatch(evaluator, LayoutOptimiser.exhaustiveBatch(options, from, Math.min(n, from + 500))));
        }
        ParetoSet inOrder = parts.stream().reduce(ParetoSet.empty(), ParetoSet::merge);
        Collections.shuffle(parts, new Random(3));
        ParetoSet shuffled = parts.stream().reduce(ParetoSet.empty(), ParetoSet::merge);
        assertEquals(inOrder.points(), shuffled.points());
    }

    @Test
    void evaluatorMatchesJourneysRebuiltByHand() {
        LayoutEvaluator evaluator = instance(5, 10, 2);
        Random random = new Random(1);
        List<List<ClosureOption>> byCandidate = byCandidate(evaluator);
        Parts parts = parts(5, 10, 2);
        for (int trial = 0; trial < 200; trial++) {
            List<ClosureOption> chosen = new ArrayList<>();
            for (List<ClosureOption> options : byCandidate) {
                int pick = random.nextInt(options.size() + 1);
                if (pick > 0) {
                    chosen.add(options.get(pick - 1));
                }
            }
            LayoutChoice choice = LayoutChoice.of(chosen);
            LayoutPoint point = evaluator.evaluate(choice);
            // Rebuild: the same seeded instance's journeys, overridden by the longest of the chosen closures'.
            Map<String, Double> journeys = new HashMap<>(parts.base());
            Map<String, Double> override = new HashMap<>();
            for (ClosureEffect e : parts.effects()) {
                if (chosen.contains(e.option())) {
                    e.journeys_s().forEach((id, j) -> override.merge(id, j, Math::max));
                }
            }
            journeys.putAll(override);
            double[] sorted = journeys.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = java.util.Arrays.stream(sorted).average().orElseThrow();
            assertEquals(mean, point.meanJourney_s(), 0.001, choice.key());
            assertEquals(Percentiles.of(sorted, 0.9), point.p90Journey_s(), 0.001, choice.key());
        }
    }

    @Test
    void localSearchFindsFeasibleNonDominatedLayouts() {
        LayoutEvaluator evaluator = instance(8, 8, 2);
        ParetoSet local = new LayoutOptimiser(new LayoutOptimiser.Settings(0, 50_000, 1_000)).search(evaluator,
                org.xiaoche.routing.progress.ProgressListener.NONE);
        ParetoSet exact = new LayoutOptimiser(new LayoutOptimiser.Settings(12, 1, 10_000)).search(evaluator,
                org.xiaoche.routing.progress.ProgressListener.NONE);
        assertFalse(local.points().isEmpty());
        java.util.Set<String> exactKeys = new java.util.HashSet<>(exact.points().stream().map(p -> p.choice().key()).toList());
        long found = local.points().stream().filter(p -> exactKeys.contains(p.choice().key())).count();
        for (LayoutPoint p : local.points()) {
            assertTrue(p.feasible());
            assertEquals(p, evaluator.evaluate(p.choice()), "a point is what the evaluator says of its layout");
        }
        // Pareto local search on this instance recovers most of the exact front.
        System.out.println("local search found " + found + " of " + exact.size() + " exact points; cheapest "
                + local.points().get(0).yearlyCost() + " vs " + exact.points().get(0).yearlyCost());
        assertTrue(found >= exact.size() * 0.8, found + " of " + exact.size());
    }

    private record Parts(Map<String, Double> base, List<ClosureEffect> effects) {
    }

    /** Baseline journeys and closure effects drawn from {@code seed}; one option in seven is infeasible alone. */
    private static Parts parts(long seed, int candidates, int receivers) {
        Random random = new Random(seed);
        Map<String, Double> base = new TreeMap<>();
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < 40; i++) {
                base.put("R" + r + "-" + i, 300 + random.nextInt(1500) + 0.0);
            }
        }
        for (int c = 0; c < candidates; c++) {
            for (int i = 0; i < 8; i++) {
                base.put(String.format("C%02d-%d", c, i), 60 + random.nextInt(900) + 0.0);
            }
        }
        List<ClosureEffect> effects = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            String school = String.format("C%02d", c);
            for (int k = 0; k < receivers; k++) {
                String receiver = "R" + ((c + k) % 4);
                Map<String, Double> journeys = new TreeMap<>();
                for (int i = 0; i < 8; i++) {
                    journeys.put(school + "-" + i, 600 + random.nextInt(1800) + 0.0);
                }
                for (int i = 0; i < 40; i++) {
                    String id = receiver + "-" + i;
                    journeys.put(id, base.get(id) + random.nextInt(3) * 30);
                }
                List<String> whyNot = random.nextInt(7) == 0 ? List.of("young pupil over the cap") : List.of();
                effects.add(new ClosureEffect(new ClosureOption(school, receiver), -20_000 - random.nextInt(60_000),
                        journeys, 8, 0, 8, whyNot));
            }
        }
        return new Parts(base, effects);
    }
}
