package org.xiaoche.benchmarks.plan;

import org.xiaoche.benchmarks.ScaledCounty;
import org.xiaoche.routing.roster.Roster;

import org.xiaoche.benchmarks.PeakMemory;


import org.xiaoche.routing.fleet.Fleet;

import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.plan.PlanInput;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.PlanSummary;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;


import java.nio.file.Path;
import java.util.List;
import java.util.Locale;




/**
 * The planning pipeline on the demo county scaled by the generator (seed 2026), graph already
 * loaded: one full plan with the default solver budget, then {@code replan} with the first school's
 * bell moved by 20 minutes, then {@code replan} with nothing changed. Prints one markdown row.
 */
public final class PlanBenchmark {

    private PlanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PlanBenchmark STUDENTS WORK_DIR");
            System.exit(2);
        }
        int studentCount = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path data = ScaledCounty.generate(studentCount, work);
        try (RoadNetwork network = RoadNetwork.importOrLoad(ScaledCounty.osmFile(data), work.resolve("graphs"),
                ProgressListener.NONE)) {
            PlanningPolicy policy = PlanningPolicy.defaults();
            Roster roster = ScaledCounty.roster(data, network, policy);
            List<School> schools = roster.schools();
            List<Student> students = roster.students();
            PlanInput input = new PlanInput(schools, students, Fleet.defaults(), policy);
            SchoolBusPlanner planner = new SchoolBusPlanner(network, new JspritSchoolRouteSolver(), SolverBudget.defaults());

            long start = System.nanoTime();
            PlanResult plan = planner.plan(input, ProgressListener.NONE);
            double plan_s = (System.nanoTime() - start) / 1e9;

            School first = schools.get(0);
            start = System.nanoTime();
            PlanResult moved = planner.replan(plan.plan(), input.withBellTime(first.id(), first.bellTime().plusMinutes(20)),
                    ProgressListener.NONE);
            double replan_s = (System.nanoTime() - start) / 1e9;
            long resolved = moved.plan().schoolRuns().stream().filter(r -> r.solved()).count();

            start = System.nanoTime();
            planner.replan(plan.plan(), input, ProgressListener.NONE);
            double same_s = (System.nanoTime() - start) / 1e9;

            PlanSummary s = plan.summary();
            System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d (%,d) | %,.0f | %.1f | %.2f (%d of %d schools solved) | %.2f | %s | %s | %,d |%n",
                    students.size(), s.needingTransport(), s.transported(), s.capInfeasible(), s.walkOverLimit(), s.unserved(),
                    s.stops(), s.buses(), s.runs(), s.busesBeyondFleet(), s.busKmPerDay(), plan_s, replan_s, resolved,
                    moved.plan().schoolRuns().size(), same_s, s.rulesVerdict(), s.coverageComplete() ? "complete" : "incomplete",
                    PeakMemory.peakRss_mib());
        }
    }
}
