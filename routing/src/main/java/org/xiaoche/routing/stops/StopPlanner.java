package org.xiaoche.routing.stops;

import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.PlaceNames;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.Student;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Places school-bus stops for the students who need transport: candidates on roads where a bus may
 * stop ({@link StoppableRoads}, by the policy's stopping rules), walks measured along the walking network
 * ({@link CandidateStops}), few stops chosen by {@link GreedyStopCover}. Every student who needs transport gets a
 * {@link StopAssignment}:
 * <ol>
 *   <li>a stop within the policy's walking limit for the student's grade, when one can be reached; else</li>
 *   <li>a stop at the nearest point a bus may stop, reached along the walking network within
 *       {@link PlanningPolicy#maxWalkToBusRoad_m()}, with the walk flagged {@code walkOverLimit}; such students
 *       share stops: each may walk up to the grade's limit beyond its own nearest point, a stop already chosen in
 *       step 1 is taken when within that, and the rest go through the same greedy cover; else</li>
 *   <li>when the walking network reaches no such road within that bound (an unmapped footpath, an isolated lane),
 *       the nearest point of such a road in a straight line, if within the bound, flagged
 *       {@code walkStraightLine}, shared the same way; else</li>
 *   <li>no stop, with the reason: no road where a bus may stop within the bound.</li>
 * </ol>
 * Stops get unique Chinese names from the network's OSM places and roads ({@link StopNames}). Students of any
 * other eligibility status are not considered. Each school gets stops of its own, numbered {@code <schoolId>-001},
 * … (two schools' stops may stand at one place, under distinct names). The result depends only on the network,
 * the policy and the input order.
 */
public final class StopPlanner {

    private final RoadNetwork network;
    private StoppableRoads roads;

    /** Classifies the network's roads once; the planner may then be used for any number of plans. */
    public StopPlanner(RoadNetwork network) {
        this.network = network;
        this.roads = StoppableRoads.of(network);
    }

    public StopPlan plan(List<StudentEligibility> students, PlanningPolicy policy) {
        return plan(students, policy, ProgressListener.NONE);
    }

    /**
     * Plans stops for those of {@code students} whose status is {@link EligibilityStatus#NEEDS_TRANSPORT}: a cover
     * of its own per school, so that one school's stops and their ids depend on that school's students only and
     * a change at one school (a closure, a move) leaves the other schools' stops, and their routes, as they were.
     */
    public StopPlan plan(List<StudentEligibility> students, PlanningPolicy policy, ProgressListener progress) {
        progress.progress("bus stops", 0.0);
        StoppableRoads roads = stoppableRoads(policy);
        Map<String, List<Integer>> bySchool = new TreeMap<>();
        List<Student> needing = new ArrayList<>();
        for (StudentEligibility e : students) {
            if (e.status() == EligibilityStatus.NEEDS_TRANSPORT) {
                bySchool.computeIfAbsent(e.student().schoolId(), k -> new ArrayList<>()).add(needing.size());
                needing.add(e.student());
            }
        }
        List<CandidateStops.Candidate> chosen = new ArrayList<>();
        List<BusStop> unnamed = new ArrayList<>();
        StopAssignment[] assignments = new StopAssignment[needing.size()];
        int done = 0;
        for (Map.Entry<String, List<Integer>> school : bySchool.entrySet()) {
            List<Student> own = school.getValue().stream().map(needing::get).toList();
            SchoolStops stops = planSchool(school.getKey(), own, policy, roads);
            chosen.addAll(stops.chosen());
            unnamed.addAll(stops.stops());
            for (int k = 0; k < own.size(); k++) {
                assignments[school.getValue().get(k)] = stops.assignments().get(k);
            }
            done += own.size();
            progress.progress("bus stops", (double) done / Math.max(1, needing.size()));
        }
        // Named together, so that names stay unique within the plan when two schools stop at one place.
        List<String> names = StopNames.name(chosen, roads, network.placeNames());
        List<BusStop> stops = new ArrayList<>(unnamed.size());
        for (int i = 0; i < unnamed.size(); i++) {
            BusStop b = unnamed.get(i);
            stops.add(new BusStop(b.id(), names.get(i), b.location(), b.roadName(), b.studentCount(), b.youngPupilCount()));
        }
        progress.progress("bus stops", 1.0);
        return new StopPlan(stops, Arrays.asList(assignments));
    }

    /** One school's stops (unnamed, in id order), their candidates, and its students' assignments in input order. */
    private record SchoolStops(List<CandidateStops.Candidate> chosen, List<BusStop> stops,
                               List<StopAssignment> assignments) {
    }

    private SchoolStops planSchool(String schoolId, List<Student> needing, PlanningPolicy policy, StoppableRoads roads) {
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
        CandidateStops candidates = CandidateStops.collect(network, roads, homes, homeLocations, limits_m);
        GreedyStopCover.Cover near = GreedyStopCover.choose(candidates.candidates().size(), candidates.reachable());

        Fallback fallback = fallback(near, candidates, roads, homeLocations, limits_m, offNetwork, policy);
        int[] chosen = fallback.chosen;
        int[] assignedTo = fallback.assignedTo;

        int[] studentCount = new int[chosen.length];
        int[] youngCount = new int[chosen.length];
        for (int s = 0; s < n; s++) {
            int stop = assignedTo[s];
            if (stop >= 0) {
                studentCount[stop]++;
                if (policy.isYoungPupil(needing.get(s).grade())) {
                    youngCount[stop]++;
                }
            }
        }
        List<CandidateStops.Candidate> chosenCandidates = new ArrayList<>(chosen.length);
        for (int c : chosen) {
            chosenCandidates.add(candidates.candidates().get(c));
        }
        List<BusStop> stops = new ArrayList<>(chosen.length);
        for (int i = 0; i < chosen.length; i++) {
            CandidateStops.Candidate c = chosenCandidates.get(i);
            stops.add(new BusStop(stopId(schoolId, i), null, c.location(), c.roadName(), studentCount[i], youngCount[i]));
        }
        List<StopAssignment> assignments = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            Student student = needing.get(s);
            int stop = assignedTo[s];
            if (stop >= 0) {
                ReachableCandidates r = fallback.reach.get(s);
                double walk_m = r.walks_m()[Arrays.binarySearch(r.candidates(), chosen[stop])];
                boolean straight = fallback.straightLine[s];
                assignments.add(new StopAssignment(student.id(), student.schoolId(), student.grade(),
                        stopId(schoolId, stop), walk_m, straight ? 0 : access_m[s],
                        walk_m > limits_m[s] + LIMIT_TOLERANCE_M, straight, ""));
            } else {
                assignments.add(new StopAssignment(student.id(), student.schoolId(), student.grade(), null,
                        Double.NaN, access_m[s], fallback.reasons[s]));
            }
        }
        return new SchoolStops(chosenCandidates, stops, assignments);
    }

    /** Walks this much over the limit are rounding, not over the limit. */
    private static final double LIMIT_TOLERANCE_M = 1e-6;

    /**
     * Stops and assignments after serving, where possible, the students {@code near} left without a stop.
     *
     * @param chosen       candidate indexes of all stops: those of {@code near}, then the new ones
     * @param assignedTo   per student, the index into {@code chosen}, or -1
     * @param reach        per student, the candidates it may be assigned to, with the walk to each
     * @param straightLine per student, true when its walks are straight lines
     * @param reasons      per unserved student, why; null for the others
     */
    private record Fallback(int[] chosen, int[] assignedTo, List<ReachableCandidates> reach, boolean[] straightLine,
                            String[] reasons) {
    }

    private Fallback fallback(GreedyStopCover.Cover near, CandidateStops candidates, StoppableRoads roads,
                              List<LonLat> homeLocations, double[] limits_m, String[] offNetwork, PlanningPolicy policy) {
        int n = limits_m.length;
        double bound_m = policy.maxWalkToBusRoad_m();
        List<ReachableCandidates> reach = new ArrayList<>(candidates.reachable());
        boolean[] straightLine = new boolean[n];
        String[] reasons = new String[n];
        List<Integer> farStudents = new ArrayList<>();
        List<Integer> straightStudents = new ArrayList<>();
        double[] straight_m = new double[n];
        WalkPoint[] straightRoadside = new WalkPoint[n];
        for (int s = 0; s < n; s++) {
            if (near.assignedTo()[s] >= 0) {
                continue;
            }
            ReachableCandidates wide = candidates.reachWithin(s, bound_m);
            if (!wide.isEmpty()) {
                reach.set(s, withinOwnLimitOfNearest(wide, limits_m[s], bound_m));
                farStudents.add(s);
                continue;
            }
            WalkPoint roadside = candidates.ownRoadside(s);
            if (roadside == null) {
                roadside = network.findWalkPoint(homeLocations.get(s), roads::isStoppable).orElse(null);
            }
            double d_m = roadside == null ? Double.NaN : PlaceNames.distance_m(homeLocations.get(s), roadside.snapped());
            if (roadside != null && d_m <= bound_m) {
                straightRoadside[s] = roadside;
                straight_m[s] = d_m;
                straightStudents.add(s);
            } else {
                String where = offNetwork[s] != null ? offNetwork[s] + "; " : "";
                reasons[s] = where + "no road where a bus may stop within " + metres(bound_m)
                        + (roadside == null ? "" : " (nearest " + metres(d_m) + " in a straight line)");
            }
        }
        // Straight-line students last: they may share any candidate known by then.
        for (int s : straightStudents) {
            int own = candidates.addStraightLineRoadside(straightRoadside[s]);
            double allowed_m = Math.min(straight_m[s] + limits_m[s], bound_m);
            TreeMap<Integer, Double> walks_m = new TreeMap<>();
            walks_m.put(own, straight_m[s]);
            List<CandidateStops.Candidate> all = candidates.candidates();
            for (int c = 0; c < all.size(); c++) {
                double d_m = PlaceNames.distance_m(homeLocations.get(s), all.get(c).location());
                if (d_m <= allowed_m) {
                    walks_m.merge(c, d_m, Math::min);
                }
            }
            reach.set(s, ReachableCandidates.of(walks_m));
            straightLine[s] = true;
            farStudents.add(s);
        }
        farStudents.sort(null);

        // A stop already chosen is taken when within reach; the others are covered among themselves.
        int candidateCount = candidates.candidates().size();
        int[] nearRank = new int[candidateCount];
        Arrays.fill(nearRank, -1);
        for (int i = 0; i < near.chosen().length; i++) {
            nearRank[near.chosen()[i]] = i;
        }
        int[] assignedTo = near.assignedTo().clone();
        List<Integer> uncovered = new ArrayList<>();
        for (int s : farStudents) {
            ReachableCandidates r = reach.get(s);
            int best = -1;
            double bestWalk_m = Double.POSITIVE_INFINITY;
            for (int k = 0; k < r.candidates().length; k++) {
                int rank = nearRank[r.candidates()[k]];
                if (rank >= 0 && (r.walks_m()[k] < bestWalk_m || (r.walks_m()[k] == bestWalk_m && rank < best))) {
                    best = rank;
                    bestWalk_m = r.walks_m()[k];
                }
            }
            if (best >= 0) {
                assignedTo[s] = best;
            } else {
                uncovered.add(s);
            }
        }
        List<ReachableCandidates> uncoveredReach = uncovered.stream().map(reach::get).toList();
        GreedyStopCover.Cover far = GreedyStopCover.choose(candidateCount, uncoveredReach);
        int[] chosen = Arrays.copyOf(near.chosen(), near.chosen().length + far.chosen().length);
        System.arraycopy(far.chosen(), 0, chosen, near.chosen().length, far.chosen().length);
        for (int i = 0; i < uncovered.size(); i++) {
            assignedTo[uncovered.get(i)] = near.chosen().length + far.assignedTo()[i];
        }
        return new Fallback(chosen, assignedTo, reach, straightLine, reasons);
    }

    /**
     * The candidates of {@code wide} a student with no stop within {@code limit_m} may be given: those no more
     * than {@code limit_m} beyond the nearest, and within {@code bound_m}.
     */
    private static ReachableCandidates withinOwnLimitOfNearest(ReachableCandidates wide, double limit_m, double bound_m) {
        double nearest_m = Arrays.stream(wide.walks_m()).min().orElseThrow();
        double allowed_m = Math.min(nearest_m + limit_m, bound_m);
        TreeMap<Integer, Double> kept = new TreeMap<>();
        for (int k = 0; k < wide.candidates().length; k++) {
            if (wide.walks_m()[k] <= allowed_m) {
                kept.put(wide.candidates()[k], wide.walks_m()[k]);
            }
        }
        return ReachableCandidates.of(kept);
    }

    /** The roads this planner places stops on: by the default policy's rules, or those of the last plan's policy. */
    public synchronized StoppableRoads stoppableRoads() {
        return roads;
    }

    /** The roads this planner places stops on by {@code policy}'s rules; classified again only when they differ. */
    public synchronized StoppableRoads stoppableRoads(PlanningPolicy policy) {
        if (!roads.followsRulesOf(policy)) {
            roads = StoppableRoads.of(network, policy);
        }
        return roads;
    }

    /** {@code S001-001}, {@code S001-002}, … in the order the school's stops were chosen. */
    private static String stopId(String schoolId, int index) {
        return String.format(Locale.ROOT, "%s-%03d", schoolId, index + 1);
    }

    private static String metres(double distance_m) {
        return String.format(Locale.ROOT, "%.0f m", distance_m);
    }
}
