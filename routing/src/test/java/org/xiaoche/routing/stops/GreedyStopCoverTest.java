package org.xiaoche.routing.stops;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class GreedyStopCoverTest {

    /** Students 0..n-1; {@code reach[s]} lists the candidates student s reaches, all at {@code walk_m}. */
    private static List<ReachableCandidates> students(int[][] reach, double walk_m) {
        List<ReachableCandidates> list = new ArrayList<>();
        for (int[] candidates : reach) {
            double[] walks = new double[candidates.length];
            Arrays.fill(walks, walk_m);
            list.add(new ReachableCandidates(candidates, walks));
        }
        return list;
    }

    @Test
    void cleanUpDropsTheFirstChoiceWhenLaterOnesCoverItsStudents() {
        // Candidate 0 reaches students {0,1,2}, 1 reaches {3,4,5}, 2 reaches {0,1,3,4}: greedy takes 2 first,
        // then 0 and 1 for students 2 and 5, after which 2 is redundant.
        List<ReachableCandidates> students = students(new int[][]{{0, 2}, {0, 2}, {0}, {1, 2}, {1, 2}, {1}}, 100);
        GreedyStopCover.Cover cover = GreedyStopCover.choose(3, students);
        assertArrayEquals(new int[]{0, 1}, cover.chosen());
        assertArrayEquals(new int[]{0, 0, 0, 1, 1, 1}, cover.assignedTo());
    }

    @Test
    void tiesGoToTheShorterTotalWalkAndStudentsToTheNearestStop() {
        List<ReachableCandidates> students = List.of(
                new ReachableCandidates(new int[]{0, 1}, new double[]{250, 50}),
                new ReachableCandidates(new int[]{0, 1}, new double[]{60, 200}),
                new ReachableCandidates(new int[]{}, new double[]{}));
        GreedyStopCover.Cover cover = GreedyStopCover.choose(2, students);
        // Both candidates reach both students; 1 has total 250 m against 310 m.
        assertArrayEquals(new int[]{1}, cover.chosen());
        assertArrayEquals(new int[]{0, 0, -1}, cover.assignedTo());
    }

    @Test
    void aStudentGoesToTheNearestKeptStop() {
        // Candidate 0 must stay for student 0, 1 for student 2; student 1 can reach both and takes the nearer.
        List<ReachableCandidates> students = List.of(
                new ReachableCandidates(new int[]{0}, new double[]{10}),
                new ReachableCandidates(new int[]{0, 1}, new double[]{400, 30}),
                new ReachableCandidates(new int[]{1}, new double[]{20}));
        GreedyStopCover.Cover cover = GreedyStopCover.choose(2, students);
        assertArrayEquals(new int[]{1, 0}, cover.chosen(), "candidate 1 has the shorter total walk");
        assertArrayEquals(new int[]{1, 0, 0}, cover.assignedTo());
    }
}
