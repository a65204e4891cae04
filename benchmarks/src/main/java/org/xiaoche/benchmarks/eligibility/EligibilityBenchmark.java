package org.xiaoche.benchmarks.eligibility;

import org.xiaoche.benchmarks.PeakMemory;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.demodata.DemoCountyGenerator;
import org.xiaoche.routing.eligibility.EligibilityCalculator;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.roster.io.RosterReader;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        Path data = work.resolve("county-" + studentCount);
        DemoCountyGenerator.generate(2026, studentCount, data);
        long importStart = System.nanoTime();
        try (RoadNetwork network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE), work.resolve("graphs"),
                ProgressListener.NONE)) {
            double import_s = (System.nanoTime() - importStart) / 1e9;
            PlanningPolicy policy = PlanningPolicy.defaults();
            List<School> schools = RosterReader.readSchools(data.resolve(DemoCounty.SCHOOLS_FILE), CoordinateSystem.WGS84,
                    network.area(policy.maxOutsideArea_m()));
            Map<String, School> byId = schools.stream().collect(Collectors.toMap(School::id, Function.identity()));
            List<Student> students = RosterReader.readStudents(data.resolve(DemoCounty.STUDENTS_FILE), CoordinateSystem.WGS84,
                    network.area(policy.maxOutsideArea_m()), byId);
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
