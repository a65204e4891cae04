package org.xiaoche.benchmarks.eligibility;

import org.xiaoche.benchmarks.ScaledCounty;
import org.xiaoche.routing.roster.Roster;

import org.xiaoche.benchmarks.PeakMemory;


import org.xiaoche.routing.eligibility.EligibilityCalculator;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.EligibilityStatus;

import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;


import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;




/**
 * Eligibility throughput on the scaled demo county with the graph already loaded: generates the
 * county for the given number of students (fixed seed), imports it, then times a warm-up and five
 * measured eligibility runs. Prints markdown table rows.
 */
public final class EligibilityBenchmark {

    private EligibilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EligibilityBenchmark STUDENTS WORK_DIR");
            System.exit(2);
        }
        int studentCount = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path data = ScaledCounty.generate(studentCount, work);
        long importStart = System.nanoTime();
        try (RoadNetwork network = RoadNetwork.importOrLoad(ScaledCounty.osmFile(data), work.resolve("graphs"),
                ProgressListener.NONE)) {
            double import_s = (System.nanoTime() - importStart) / 1e9;
            PlanningPolicy policy = PlanningPolicy.defaults();
            Roster roster = ScaledCounty.roster(data, network, policy);
            List<School> schools = roster.schools();
            List<Student> students = roster.students();
            EligibilityCalculator calculator = new EligibilityCalculator(network);
            EligibilityResult result = calculator.compute(schools, students, policy, ProgressListener.NONE);
            double[] runs_s = new double[5];
            for (int i = 0; i < runs_s.length; i++) {
                long start = System.nanoTime();
                result = calculator.compute(schools, students, policy, ProgressListener.NONE);
                runs_s[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(runs_s);
            double median_s = runs_s[runs_s.length / 2];
            System.out.printf(Locale.ROOT, "| %,d | %d | %,d | %,d | %.1f | %.2f | %.2f | %,.0f | %,d / %,d / %,d | %,d |%n",
                    students.size(), schools.size(), network.nodeCount(), network.edgeCount(), import_s,
                    runs_s[0], median_s, students.size() / median_s,
                    result.count(EligibilityStatus.WALKS), result.count(EligibilityStatus.NEEDS_TRANSPORT),
                    result.count(EligibilityStatus.UNREACHABLE), PeakMemory.peakRss_mib());
        }
    }
}
