package org.xiaoche.routing.scenario;

import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The school-layout assessment end to end: the candidates (small schools), each merger measured by a full
 * scenario run, the Pareto search with the fast evaluator, and every returned point re-planned in full
 * through {@link ScenarioRunner} (its plan carries the validator's report). For a job queue the same steps
 * are public separately: {@link Candidates#options}, {@link Candidates#measure} (one job per option),
 * {@link LayoutEvaluator#of}, {@link LayoutOptimiser} batches, then one scenario run per point.
 */
public final class LayoutStudy {

    /**
     * @param receiversPerCandidate receiving schools tried per candidate, nearest first
     * @param maxPoints             Pareto points re-planned and returned (evenly spread by cost when more)
     */
    public record Settings(int receiversPerCandidate, int maxPoints, LayoutOptimiser.Settings search) {
        public Settings {
            if (receiversPerCandidate < 1 || receiversPerCandidate > 5 || maxPoints < 1 || maxPoints > 100) {
                throw new IllegalArgumentException("1..5 receiving schools per candidate and 1..100 points");
            }
        }

        public static Settings defaults() {
            return new Settings(1, 12, LayoutOptimiser.Settings.defaults());
        }
    }

    /** A returned layout: the evaluator's estimate and the full re-plan. */
    public record Point(String name, LayoutPoint estimate, ScenarioResult replanned) {
    }

    /** Everything the study found; {@code estimated} is the evaluator's whole Pareto set, {@code points} the re-planned ones. */
    public record Result(List<Candidates.Candidate> candidates, List<ClosureEffect> effects, ParetoSet estimated,
                         List<Point> points) {
    }

    private final ScenarioRunner runner;
    private final Settings settings;

    public LayoutStudy(ScenarioRunner runner, Settings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    /** The small schools, each merged into its nearest receiving school, ranked ({@link Candidates#rank}). */
    public List<Candidates.Candidate> candidates(Baseline baseline, Collection<String> candidateIds, ProgressListener progress) {
        List<School> schools = schools(baseline, candidateIds);
        List<ClosureOption> nearest = Candidates.options(baseline.input(), runner.schoolTimes(baseline.input().schools()),
                schools.stream().map(School::id).toList(), 1);
        return Candidates.rank(baseline, schools, measure(baseline, nearest, progress));
    }

    /** Runs the whole study; {@code candidateIds} null means every small school. */
    public Result run(Baseline baseline, Collection<String> candidateIds, ProgressListener progress) {
        List<School> schools = schools(baseline, candidateIds);
        List<String> ids = schools.stream().map(School::id).toList();
        List<ClosureOption> options = Candidates.options(baseline.input(), runner.schoolTimes(baseline.input().schools()),
                ids, settings.receiversPerCandidate());
        List<ClosureEffect> effects = measure(baseline, options, progress.slice(0, 0.6));
        List<ClosureEffect> nearest = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        effects.forEach(e -> {
            if (seen.add(e.option().schoolId())) {
                nearest.add(e);
            }
        });
        List<Candidates.Candidate> ranked = Candidates.rank(baseline, schools, nearest);
        LayoutEvaluator evaluator = LayoutEvaluator.of(baseline, effects);
        ParetoSet front = new LayoutOptimiser(settings.search()).search(evaluator, progress.slice(0.6, 0.7));
        List<LayoutPoint> chosen = LayoutOptimiser.thin(front, settings.maxPoints());
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            LayoutPoint p = chosen.get(i);
            String name = String.format(Locale.ROOT, "layout-%02d", i + 1);
            progress.progress("re-plan " + name, 0.7 + 0.3 * i / chosen.size());
            ScenarioResult full = runner.run(baseline, p.choice().scenario(name, baseline.fingerprint()),
                    progress.slice(0.7 + 0.3 * i / chosen.size(), 0.7 + 0.3 * (i + 1) / chosen.size()));
            points.add(new Point(name, p, full));
        }
        progress.progress("layouts ready", 1);
        return new Result(ranked, effects, front, points);
    }

    /** Each option's effect, by a full scenario run of that closure alone, in the options' order. */
    public List<ClosureEffect> measure(Baseline baseline, List<ClosureOption> options, ProgressListener progress) {
        List<ClosureEffect> effects = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            ClosureOption o = options.get(i);
            ProgressListener slice = progress.slice((double) i / options.size(), (double) (i + 1) / options.size());
            slice.progress("merge " + o.schoolId() + " into " + o.receivingSchoolId(), 0);
            effects.add(Candidates.measure(runner, baseline, o, slice));
        }
        return effects;
    }

    private static List<School> schools(Baseline baseline, Collection<String> candidateIds) {
        if (candidateIds == null) {
            return Candidates.smallSchools(baseline.input());
        }
        Set<String> ids = new TreeSet<>(candidateIds);
        List<School> schools = baseline.input().schools().stream().filter(s -> ids.contains(s.id()))
                .sorted(java.util.Comparator.comparing(School::id)).toList();
        if (schools.size() != ids.size()) {
            Set<String> missing = new TreeSet<>(ids);
            schools.forEach(s -> missing.remove(s.id()));
            throw new IllegalArgumentException("no school with id " + missing + " in the baseline");
        }
        return schools;
    }
}
