package org.xiaoche.benchmarks.scenario;

import org.xiaoche.benchmarks.PeakMemory;
import org.xiaoche.benchmarks.ProcessCpu;
import org.xiaoche.benchmarks.ScaledCounty;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.Roster;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.scenario.Baseline;
import org.xiaoche.routing.scenario.Candidates;
import org.xiaoche.routing.scenario.ClosureOption;
import org.xiaoche.routing.scenario.LayoutChoice;
import org.xiaoche.routing.scenario.LayoutStudy;
import org.xiaoche.routing.scenario.ScenarioResult;
import org.xiaoche.routing.scenario.ScenarioRunner;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Scenarios on the demo county scaled by the generator (seed 2026), graph loaded and baseline planned
 * first (not timed): {@code closure} times one scenario run closing the first small school (by id) into its
 * nearest receiving school; {@code layout N} times the whole layout study over the first N small schools
 * (each merger measured by a scenario run, the Pareto search, every returned point re-planned). Prints one
 * markdown row; progress of the layout study on stderr.
 */
public final class ScenarioBenchmark {

    private ScenarioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ScenarioBenchmark STUDENTS WORK_DIR closure | layout CANDIDATES");
            System.exit(2);
        }
        int studentCount = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path data = ScaledCounty.generate(studentCount, work);
        try (RoadNetwork network = RoadNetwork.importOrLoad(ScaledCounty.osmFile(data), work.resolve("graphs"),
                ProgressListener.NONE)) {
            PlanningPolicy policy = PlanningPolicy.defaults();
            Roster roster = ScaledCounty.roster(data, network, policy);
            PlanInput input = new PlanInput(roster.schools(), roster.students(), Fleet.defaults(), policy);
            PlanResult base = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults())
                    .plan(input, ProgressListener.NONE);
            ScenarioRunner runner = new ScenarioRunner(network, new JspritSchoolRouteSolver());
            Baseline baseline = runner.baseline(base.plan(), roster.schools(), roster.students(), ProgressListener.NONE);
            List<School> small = Candidates.smallSchools(baseline.input());
            if (args[2].equals("closure")) {
                closure(runner, baseline, small, studentCount);
            } else {
                layout(runner, baseline, small, Integer.parseInt(args[3]), studentCount);
            }
        }
    }

    private static void closure(ScenarioRunner runner, Baseline baseline, List<School> small, int students) {
        List<ClosureOption> options = Candidates.options(baseline.input(), runner.schoolTimes(baseline.input().schools()),
                small.stream().map(School::id).toList(), 1);
        ClosureOption option = options.get(0);
        long start = System.nanoTime();
        double cpuStart_s = ProcessCpu.seconds();
        ScenarioResult r = runner.run(baseline, LayoutChoice.of(List.of(option)).scenario(option.key(), baseline.fingerprint()),
                ProgressListener.NONE);
        double run_s = (System.nanoTime() - start) / 1e9;
        double cpu_s = ProcessCpu.seconds() - cpuStart_s;
        long solved = r.result().plan().schoolRuns().stream().filter(s -> s.solved()).count();
        System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %s → %s | %,d | %.2f | %.2f | %d of %d | %s | %,d |%n", students,
                baseline.input().schools().size(), small.size(), option.schoolId(), option.receivingSchoolId(),
                r.reassignments().size(), run_s, cpu_s, solved, r.result().plan().schoolRuns().size(),
                r.result().validation().valid() ? "VALID" : "INVALID", PeakMemory.peakRss_mib());
    }

    private static void layout(ScenarioRunner runner, Baseline baseline, List<School> small, int count, int students) {
        List<String> ids = small.stream().limit(count).map(School::id).toList();
        ProgressListener progress = new ProgressListener() {
            private String last = "";

            @Override
            public synchronized void progress(String stage, double fraction) {
                if (!stage.equals(last)) {
                    System.err.printf(Locale.ROOT, "[%3d%%] %s%n", (int) (100 * fraction), stage);
                    last = stage;
                }
            }
        };
        long start = System.nanoTime();
        double cpuStart_s = ProcessCpu.seconds();
        LayoutStudy.Result result = new LayoutStudy(runner, LayoutStudy.Settings.defaults()).run(baseline, ids, progress);
        double total_s = (System.nanoTime() - start) / 1e9;
        double cpu_s = ProcessCpu.seconds() - cpuStart_s;
        long valid = result.points().stream().filter(p -> p.replanned().result().validation().valid()).count();
        System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %d of %d | %.1f | %.1f | %,d |%n", students,
                ids.size(), result.effects().size(), result.candidates().stream().filter(Candidates.Candidate::feasible).count(),
                result.estimated().size(), result.points().size(), valid, result.points().size(), total_s, cpu_s,
                PeakMemory.peakRss_mib());
    }
}
