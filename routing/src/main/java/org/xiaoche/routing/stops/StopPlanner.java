package org.xiaoche.routing.stops;

import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.Student;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Places school-bus stops for the students who need transport: candidates on roads where a bus may
 * stop ({@link StoppableRoads}), walks measured along the walking network ({@link CandidateStops}),
 * few stops chosen by {@link GreedyStopCover}. Every student who needs transport gets a
 * {@link StopAssignment}: a stop within the policy's walking limit for the student's grade, or the
 * reason there is none. Students of any other eligibility status are not considered. All students
 * given share the stops; call once per school for stops of one school only. The result depends only on
 * the network, the policy and the input order.
 */
public final class StopPlanner {

    private final RoadNetwork network;
    private final StoppableRoads roads;

    /** Classifies the network's roads once; the planner may then be used for any number of plans. */
    public StopPlanner(RoadNetwork network) {
        this.network = network;
        this.roads = StoppableRoads.of(network);
    }

    public StopPlan plan(List<StudentEligibility> students, PlanningPolicy policy) {
        return plan(students, policy, ProgressListener.NONE);
    }

    /** Plans stops for those of {@code students} whose status is {@link EligibilityStatus#NEEDS_TRANSPORT}. */
    public StopPlan plan(List<StudentEligibility> students, PlanningPolicy policy, ProgressListener progress) {
        progress.progress("bus stops", 0.0);
        List<Student> needing = new ArrayList<>();
        for (StudentEligibility e : students) {
            if (e.status() == EligibilityStatus.NEEDS_TRANSPORT) {
                needing.add(e.student());
            }
        }
        int n = needing.size();
        List<WalkPoint> homes = new ArrayList<>(n);
        List<LonLat> homeLocations = new ArrayList<>(n);
        double[] limits_m = new double[n];
        String[] offNetwork = new String[n];
        double[] access_m = new double[n];
        for (int s = 0; s < n; s++) {
            Student student = needing.get(s);
            limits_m[s] = policy.maxWalkToStopFor_m(student.grade());
            homeLocations.add(student.home());
            Optional<WalkPoint> home = network.findWalkPoint(student.home());
            access_m[s] = home.map(WalkPoint::access_m).orElse(Double.NaN);
            if (home.isEmpty()) {
                offNetwork[s] = "off network (no walkable way nearby)";
                homes.add(null);
            } else if (home.get().access_m() > policy.maxHomeSnap_m()) {
                offNetwork[s] = "off network (" + metres(home.get().access_m()) + ")";
                homes.add(null);
            } else {
                homes.add(home.get());
            }
        }
        progress.progress("bus stops", 0.2);
        CandidateStops candidates = CandidateStops.collect(network, roads, homes, homeLocations, limits_m);
        progress.progress("bus stops", 0.8);
        GreedyStopCover.Cover cover = GreedyStopCover.choose(candidates.candidates().size(), candidates.reachable());

        int[] chosen = cover.chosen();
        int[] studentCount = new int[chosen.length];
        int[] grades1to3Count = new int[chosen.length];
        for (int s = 0; s < n; s++) {
            int stop = cover.assignedTo()[s];
            if (stop >= 0) {
                studentCount[stop]++;
                int grade = needing.get(s).grade();
                if (grade >= 1 && grade <= 3) {
                    grades1to3Count[stop]++;
                }
            }
        }
        List<BusStop> stops = new ArrayList<>(chosen.length);
        for (int i = 0; i < chosen.length; i++) {
            CandidateStops.Candidate c = candidates.candidates().get(chosen[i]);
            stops.add(new BusStop(stopId(i), c.location(), c.roadName(), studentCount[i], grades1to3Count[i]));
        }
        List<StopAssignment> assignments = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            Student student = needing.get(s);
            int stop = cover.assignedTo()[s];
            if (stop >= 0) {
                ReachableCandidates r = candidates.reachable().get(s);
                double walk_m = r.walks_m()[Arrays.binarySearch(r.candidates(), chosen[stop])];
                assignments.add(new StopAssignment(student.id(), student.schoolId(), student.grade(), stopId(stop),
                        walk_m, access_m[s], ""));
            } else {
                String reason = offNetwork[s] != null ? offNetwork[s]
                        : "no bus-safe road within " + metres(limits_m[s]) + " walk";
                assignments.add(new StopAssignment(student.id(), student.schoolId(), student.grade(), null,
                        Double.NaN, access_m[s], reason));
            }
        }
        progress.progress("bus stops", 1.0);
        return new StopPlan(stops, assignments);
    }

    /** The roads this planner places stops on. */
    public StoppableRoads stoppableRoads() {
        return roads;
    }

    private static String stopId(int index) {
        return String.format(Locale.ROOT, "T%03d", index + 1);
    }

    private static String metres(double distance_m) {
        return String.format(Locale.ROOT, "%.0f m", distance_m);
    }
}
