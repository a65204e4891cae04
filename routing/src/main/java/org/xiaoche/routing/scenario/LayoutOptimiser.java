package org.xiaoche.routing.scenario;

import org.xiaoche.routing.progress.ProgressListener;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Searches school layouts (which candidates close, into which receiving school) for the Pareto set of
 * yearly cost against mean and p90 journey, with a {@link LayoutEvaluator}. Up to
 * {@code exhaustiveUpToCandidates} candidates every layout is evaluated (exact for the evaluator); beyond,
 * a Pareto local search starts from no closure and each single closure and evaluates, round by round, the
 * layouts one closure away (added, removed or sent elsewhere) from the current set, until none is new or
 * the evaluation budget is spent. Both are deterministic. The work comes in batches of layouts
 * ({@link #exhaustiveBatch}, {@link #neighbours}), each evaluated independently by {@link #evaluateBatch}
 * and merged with {@link ParetoSet#merge} in any order: a job queue may hand the batches to several machines.
 */
public final class LayoutOptimiser {

    /**
     * @param exhaustiveUpToCandidates evaluate every layout when there are at most this many candidates
     * @param maxEvaluations           budget of the local search
     * @param batchSize                layouts per unit of work
     */
    public record Settings(int exhaustiveUpToCandidates, int maxEvaluations, int batchSize) {
        public Settings {
            if (exhaustiveUpToCandidates < 0 || exhaustiveUpToCandidates > 20 || maxEvaluations < 1 || batchSize < 1) {
                throw new IllegalArgumentException("exhaustive search up to 0..20 candidates, a positive budget and batch size");
            }
        }

        public static Settings defaults() {
            return new Settings(12, 200_000, 4_096);
        }
    }

    private final Settings settings;

    public LayoutOptimiser(Settings settings) {
        this.settings = settings;
    }

    /** The Pareto set of the layouts of {@code evaluator}'s options. */
    public ParetoSet search(LayoutEvaluator evaluator, ProgressListener progress) {
        List<ClosureOption> options = evaluator.options();
        Map<String, List<ClosureOption>> bySchool = bySchool(options);
        long layouts = layouts(bySchool);
        ParetoSet front = ParetoSet.empty();
        if (bySchool.size() <= settings.exhaustiveUpToCandidates()) {
            for (long from = 0; from < layouts; from += settings.batchSize()) {
                progress.progress("layouts: every combination", (double) from / layouts);
                front = front.merge(evaluateBatch(evaluator, exhaustiveBatch(options, from,
                        Math.min(layouts, from + settings.batchSize()))));
            }
            progress.progress("layouts: every combination", 1);
            return front;
        }
        Set<String> evaluated = new HashSet<>();
        List<LayoutChoice> batch = new ArrayList<>();
        batch.add(LayoutChoice.none());
        options.forEach(o -> batch.add(LayoutChoice.of(List.of(o))));
        int evaluations = 0;
        while (!batch.isEmpty() && evaluations < settings.maxEvaluations()) {
            List<LayoutChoice> todo = batch.subList(0, Math.min(batch.size(), settings.maxEvaluations() - evaluations));
            for (int i = 0; i < todo.size(); i += settings.batchSize()) {
                front = front.merge(evaluateBatch(evaluator, todo.subList(i, Math.min(todo.size(), i + settings.batchSize()))));
            }
            todo.forEach(c -> evaluated.add(c.key()));
            evaluations += todo.size();
            progress.progress("layouts: local search (" + front.size() + " on the front)",
                    Math.min(0.99, (double) evaluations / settings.maxEvaluations()));
            List<LayoutChoice> next = new ArrayList<>(neighbours(front, options));
            next.removeIf(c -> evaluated.contains(c.key()));
            batch.clear();
            batch.addAll(next);
        }
        progress.progress("layouts: local search", 1);
        return front;
    }

    /** One unit of work: the Pareto set of {@code batch}, a pure function of its arguments. */
    public static ParetoSet evaluateBatch(LayoutEvaluator evaluator, List<LayoutChoice> batch) {
        return ParetoSet.of(batch.stream().map(evaluator::evaluate).toList());
    }

    /** How many layouts {@code options} allow: per candidate, stay open or close into one of its receivers. */
    public static long layouts(List<ClosureOption> options) {
        return layouts(bySchool(options));
    }

    /**
     * Layouts number {@code from} (inclusive) to {@code to} (exclusive) in a fixed mixed-radix order over the
     * candidates by id (digit 0 = stays open, digit k = closes into its k-th receiver in key order).
     */
    public static List<LayoutChoice> exhaustiveBatch(List<ClosureOption> options, long from, long to) {
        List<List<ClosureOption>> digits = new ArrayList<>(bySchool(options).values());
        List<LayoutChoice> out = new ArrayList<>();
        for (long index = from; index < to; index++) {
            long rest = index;
            List<ClosureOption> chosen = new ArrayList<>();
            for (List<ClosureOption> d : digits) {
                int radix = d.size() + 1;
                int digit = (int) (rest % radix);
                rest /= radix;
                if (digit > 0) {
                    chosen.add(d.get(digit - 1));
                }
            }
            out.add(LayoutChoice.of(chosen));
        }
        return out;
    }

    /** Every layout one closure away from a point of {@code front} (added, removed or sent elsewhere), in key order. */
    public static List<LayoutChoice> neighbours(ParetoSet front, List<ClosureOption> options) {
        Map<String, LayoutChoice> out = new TreeMap<>();
        for (LayoutPoint point : front.points()) {
            LayoutChoice c = point.choice();
            for (String closed : c.closures().keySet()) {
                LayoutChoice without = c.without(closed);
                out.put(without.key(), without);
            }
            Set<String> receiving = new HashSet<>(c.closures().values());
            for (ClosureOption o : options) {
                if (receiving.contains(o.schoolId()) || c.closures().containsKey(o.receivingSchoolId())
                        || o.receivingSchoolId().equals(c.closures().get(o.schoolId()))) {
                    continue;
                }
                LayoutChoice with = c.with(o);
                out.put(with.key(), with);
            }
        }
        return List.copyOf(out.values());
    }

    /** At most {@code max} points of {@code front}, evenly spread by yearly cost, the cheapest and dearest included. */
    public static List<LayoutPoint> thin(ParetoSet front, int max) {
        List<LayoutPoint> points = front.points();
        if (points.size() <= max) {
            return points;
        }
        Set<Integer> picked = new java.util.TreeSet<>();
        for (int i = 0; i < max; i++) {
            picked.add((int) Math.round((double) i * (points.size() - 1) / (max - 1)));
        }
        return picked.stream().map(points::get).toList();
    }

    private static Map<String, List<ClosureOption>> bySchool(List<ClosureOption> options) {
        Map<String, List<ClosureOption>> bySchool = new TreeMap<>();
        options.stream().sorted(java.util.Comparator.comparing(ClosureOption::key))
                .forEach(o -> bySchool.computeIfAbsent(o.schoolId(), k -> new ArrayList<>()).add(o));
        return new LinkedHashMap<>(bySchool);
    }

    private static long layouts(Map<String, List<ClosureOption>> bySchool) {
        long n = 1;
        for (List<ClosureOption> o : bySchool.values()) {
            n = Math.multiplyExact(n, o.size() + 1);
        }
        return n;
    }
}
