package org.xiaoche.routing.stops;

import java.util.Arrays;

/**
 * The candidate stops one student can walk to within the student's limit, with the walk to each.
 *
 * @param candidates candidate indexes, ascending, without repeats
 * @param walks_m    the walk to each, same order
 */
record ReachableCandidates(int[] candidates, double[] walks_m) {
    ReachableCandidates {
        if (candidates.length != walks_m.length) {
            throw new IllegalArgumentException("one walk per candidate");
        }
        for (int i = 1; i < candidates.length; i++) {
            if (candidates[i] <= candidates[i - 1]) {
                throw new IllegalArgumentException("candidates must be ascending without repeats");
            }
        }
    }

    static final ReachableCandidates NONE = new ReachableCandidates(new int[0], new double[0]);

    /** From walks by candidate index. */
    static ReachableCandidates of(java.util.SortedMap<Integer, Double> walkByCandidate_m) {
        int[] indexes = new int[walkByCandidate_m.size()];
        double[] walks_m = new double[indexes.length];
        int k = 0;
        for (java.util.Map.Entry<Integer, Double> e : walkByCandidate_m.entrySet()) {
            indexes[k] = e.getKey();
            walks_m[k] = e.getValue();
            k++;
        }
        return new ReachableCandidates(indexes, walks_m);
    }

    boolean isEmpty() {
        return candidates.length == 0;
    }

    @Override
    public String toString() {
        return "ReachableCandidates" + Arrays.toString(candidates);
    }
}
