package org.xiaoche.routing.stops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses few stops that together serve every student who can reach any candidate: greedy set cover
 * (repeatedly the candidate reaching most students not yet served; ties go to the smaller total walk
 * of those students, then to the lower candidate index), then a clean-up pass that drops every stop
 * whose students can all reach another chosen stop, then each student goes to the nearest chosen stop
 * it can reach. Greedy set cover is within a factor ln(n) of the fewest stops; the clean-up removes the
 * early choices that later ones made unnecessary. Deterministic: the result depends only on the input
 * order.
 */
final class GreedyStopCover {

    /**
     * @param chosen      candidate indexes of the stops kept, in the order they were chosen
     * @param assignedTo  per student, the index into {@code chosen} of the stop it is assigned to, or -1 when
     *                    it can reach no candidate
     */
    record Cover(int[] chosen, int[] assignedTo) {
    }

    private GreedyStopCover() {
    }

    /**
     * @param candidateCount number of candidates; every index in {@code students} is below it
     * @param students       per student, the candidates it can reach
     */
    static Cover choose(int candidateCount, List<ReachableCandidates> students) {
        int studentCount = students.size();
        // Who can reach each candidate, and running totals over those not yet served.
        int[] reachCount = new int[candidateCount];
        for (ReachableCandidates r : students) {
            for (int c : r.candidates()) {
                reachCount[c]++;
            }
        }
        int[][] studentsOf = new int[candidateCount][];
        double[][] walksOf_m = new double[candidateCount][];
        for (int c = 0; c < candidateCount; c++) {
            studentsOf[c] = new int[reachCount[c]];
            walksOf_m[c] = new double[reachCount[c]];
        }
        int[] fill = new int[candidateCount];
        int[] uncovered = new int[candidateCount];
        double[] uncoveredWalk_m = new double[candidateCount];
        for (int s = 0; s < studentCount; s++) {
            ReachableCandidates r = students.get(s);
            for (int k = 0; k < r.candidates().length; k++) {
                int c = r.candidates()[k];
                studentsOf[c][fill[c]] = s;
                walksOf_m[c][fill[c]] = r.walks_m()[k];
                fill[c]++;
                uncovered[c]++;
                uncoveredWalk_m[c] += r.walks_m()[k];
            }
        }

        boolean[] covered = new boolean[studentCount];
        List<Integer> picked = new ArrayList<>();
        while (true) {
            int best = -1;
            for (int c = 0; c < candidateCount; c++) {
                if (uncovered[c] == 0) {
                    continue;
                }
                if (best < 0 || uncovered[c] > uncovered[best]
                        || (uncovered[c] == uncovered[best] && uncoveredWalk_m[c] < uncoveredWalk_m[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            picked.add(best);
            for (int s : studentsOf[best]) {
                if (covered[s]) {
                    continue;
                }
                covered[s] = true;
                ReachableCandidates r = students.get(s);
                for (int k = 0; k < r.candidates().length; k++) {
                    uncovered[r.candidates()[k]]--;
                    uncoveredWalk_m[r.candidates()[k]] -= r.walks_m()[k];
                }
            }
        }

        int[] chosen = removeRedundant(picked, studentsOf, studentCount);
        return new Cover(chosen, assign(chosen, students));
    }

    /**
     * Drops stops whose every student can reach another kept stop. Stops reached by fewer students are
     * tried first (ties: the later choice first), as they are the likeliest to be made unnecessary by the
     * others. One pass suffices: a removal only lowers the counts, so no kept stop becomes redundant later.
     */
    private static int[] removeRedundant(List<Integer> picked, int[][] studentsOf, int studentCount) {
        int[] keptReaching = new int[studentCount];
        for (int c : picked) {
            for (int s : studentsOf[c]) {
                keptReaching[s]++;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> studentsOf[picked.get(i)].length)
                .thenComparing(Comparator.<Integer>naturalOrder().reversed()));
        boolean[] removed = new boolean[picked.size()];
        for (int i : order) {
            int c = picked.get(i);
            boolean redundant = true;
            for (int s : studentsOf[c]) {
                if (keptReaching[s] < 2) {
                    redundant = false;
                    break;
                }
            }
            if (redundant) {
                removed[i] = true;
                for (int s : studentsOf[c]) {
                    keptReaching[s]--;
                }
            }
        }
        int[] chosen = new int[picked.size()];
        int n = 0;
        for (int i = 0; i < picked.size(); i++) {
            if (!removed[i]) {
                chosen[n++] = picked.get(i);
            }
        }
        return Arrays.copyOf(chosen, n);
    }

    /** Each student to the nearest kept stop it can reach; ties go to the earlier-chosen stop. */
    private static int[] assign(int[] chosen, List<ReachableCandidates> students) {
        int[] rankOfCandidate = new int[chosen.length == 0 ? 0 : Arrays.stream(chosen).max().getAsInt() + 1];
        Arrays.fill(rankOfCandidate, -1);
        for (int i = 0; i < chosen.length; i++) {
            rankOfCandidate[chosen[i]] = i;
        }
        int[] assignedTo = new int[students.size()];
        for (int s = 0; s < students.size(); s++) {
            ReachableCandidates r = students.get(s);
            int best = -1;
            double bestWalk_m = Double.POSITIVE_INFINITY;
            for (int k = 0; k < r.candidates().length; k++) {
                int c = r.candidates()[k];
                int rank = c < rankOfCandidate.length ? rankOfCandidate[c] : -1;
                if (rank < 0) {
                    continue;
                }
                double walk_m = r.walks_m()[k];
                if (walk_m < bestWalk_m || (walk_m == bestWalk_m && rank < best)) {
                    best = rank;
                    bestWalk_m = walk_m;
                }
            }
            assignedTo[s] = best;
        }
        return assignedTo;
    }
}
