package org.xiaoche.routing.eligibility;

import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.ShortestWalkTree;
import org.xiaoche.routing.network.WalkComponents;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.stats.Percentiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides who walks and who needs transport: the shortest walking distance along the walkable
 * network from each home to the student's own school, measured with one shortest-path tree per
 * school (not one query per student). A student is never dropped: a home that cannot be placed on
 * the network, or that the network does not connect to the school, is {@code unreachable} with
 * its reason.
 */
public final class EligibilityCalculator {

    private final RoadNetwork network;
    private final int threads;

    public EligibilityCalculator(RoadNetwork network) {
        this(network, Runtime.getRuntime().availableProcessors());
    }

    public EligibilityCalculator(RoadNetwork network, int threads) {
        this.network = network;
        this.threads = Math.max(1, threads);
    }

    /**
     * @throws IllegalArgumentException when a student's school is not among {@code schools}
     */
    public EligibilityResult compute(List<School> schools, List<Student> students, PlanningPolicy policy,
                                     ProgressListener progress) {
        Map<String, List<Integer>> studentIndexesBySchool = new LinkedHashMap<>();
        for (School school : schools) {
            studentIndexesBySchool.put(school.id(), new ArrayList<>());
        }
        for (int i = 0; i < students.size(); i++) {
            List<Integer> indexes = studentIndexesBySchool.get(students.get(i).schoolId());
            if (indexes == null) {
                throw new IllegalArgumentException(students.get(i) + " attends unknown school " + students.get(i).schoolId());
            }
            indexes.add(i);
        }
        StudentEligibility[] results = new StudentEligibility[students.size()];
        AtomicInteger done = new AtomicInteger();
        int total = Math.max(1, students.size());
        progress.progress("walking distances", 0.0);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> schools.parallelStream().forEach(school -> {
                List<Integer> indexes = studentIndexesBySchool.get(school.id());
                evaluateSchool(school, indexes, students, policy, results);
                int now = done.addAndGet(indexes.size());
                progress.progress("walking distances", (double) now / total);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("eligibility interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        List<StudentEligibility> all = Arrays.asList(results);
        List<SchoolEligibilitySummary> summaries = new ArrayList<>();
        for (School school : schools) {
            summaries.add(summarise(school, studentIndexesBySchool.get(school.id()), results));
        }
        progress.progress("walking distances", 1.0);
        return new EligibilityResult(all, summaries);
    }

    private void evaluateSchool(School school, List<Integer> indexes, List<Student> students, PlanningPolicy policy,
                                StudentEligibility[] results) {
        if (indexes.isEmpty()) {
            return;
        }
        Optional<WalkPoint> schoolPoint = network.findWalkPoint(school.location())
                .filter(p -> p.access_m() <= policy.maxHomeSnap_m());
        if (schoolPoint.isEmpty()) {
            double schoolAccess_m = network.findWalkPoint(school.location()).map(WalkPoint::access_m).orElse(Double.NaN);
            String reason = "school off network" + (Double.isNaN(schoolAccess_m) ? "" : " (" + metres(schoolAccess_m) + ")");
            for (int i : indexes) {
                results[i] = new StudentEligibility(students.get(i), EligibilityStatus.UNREACHABLE, Double.NaN,
                        Double.NaN, schoolAccess_m, reason);
            }
            return;
        }
        WalkPoint destination = schoolPoint.get();
        ShortestWalkTree tree = ShortestWalkTree.towards(network.walkingGraph(), destination);
        WalkComponents components = network.walkComponents();
        for (int i : indexes) {
            Student student = students.get(i);
            Optional<WalkPoint> home = network.findWalkPoint(student.home());
            if (home.isEmpty()) {
                results[i] = unreachable(student, Double.NaN, destination, "off network (no walkable way nearby)");
                continue;
            }
            WalkPoint homePoint = home.get();
            if (homePoint.access_m() > policy.maxHomeSnap_m()) {
                results[i] = unreachable(student, homePoint.access_m(), destination,
                        "off network (" + metres(homePoint.access_m()) + ")");
                continue;
            }
            double walk_m = tree.walk_m(homePoint);
            if (Double.isInfinite(walk_m)) {
                String reason = components.connected(homePoint, destination)
                        ? "no walking route (one-way restrictions)"
                        : "different network component";
                results[i] = unreachable(student, homePoint.access_m(), destination, reason);
                continue;
            }
            EligibilityStatus status = walk_m > policy.walkThresholdFor_m(student.grade())
                    ? EligibilityStatus.NEEDS_TRANSPORT : EligibilityStatus.WALKS;
            results[i] = new StudentEligibility(student, status, walk_m, homePoint.access_m(), destination.access_m(), "");
        }
    }

    private static StudentEligibility unreachable(Student student, double homeAccess_m, WalkPoint school, String reason) {
        return new StudentEligibility(student, EligibilityStatus.UNREACHABLE, Double.NaN, homeAccess_m,
                school.access_m(), reason);
    }

    private static String metres(double distance_m) {
        return String.format(Locale.ROOT, "%.0f m", distance_m);
    }

    private static SchoolEligibilitySummary summarise(School school, List<Integer> indexes, StudentEligibility[] results) {
        int walkers = 0, needs = 0, unreachable = 0;
        double[] walks_m = new double[indexes.size()];
        int reachable = 0;
        for (int i : indexes) {
            StudentEligibility e = results[i];
            switch (e.status()) {
                case WALKS -> walkers++;
                case NEEDS_TRANSPORT -> needs++;
                case UNREACHABLE -> unreachable++;
            }
            if (e.status() != EligibilityStatus.UNREACHABLE) {
                walks_m[reachable++] = e.walk_m();
            }
        }
        double[] sorted = Arrays.copyOf(walks_m, reachable);
        Arrays.sort(sorted);
        return new SchoolEligibilitySummary(school.id(), school.name(), indexes.size(), walkers, needs, unreachable,
                Percentiles.of(sorted, 0.5), Percentiles.of(sorted, 0.9), reachable == 0 ? Double.NaN : sorted[reachable - 1]);
    }
}
