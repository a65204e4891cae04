package org.xiaoche.routing.stops;

import java.util.List;
import java.util.Optional;

/**
 * The stops chosen for a set of students who need transport, and each of those students' assignment.
 *
 * @param stops       in id order
 * @param assignments one per student who needs transport, in input order; unserved students included with a
 *                    reason, never dropped
 */
public record StopPlan(List<BusStop> stops, List<StopAssignment> assignments) {
    public StopPlan {
        stops = List.copyOf(stops);
        assignments = List.copyOf(assignments);
    }

    /**
     * Students without a stop, in input order: no road where a bus may stop lies within the policy's
     * {@code maxWalkToBusRoad_m} of their homes; each has its reason.
     */
    public List<StopAssignment> unserved() {
        return assignments.stream().filter(a -> !a.served()).toList();
    }

    /**
     * Students whose stop is farther than their walking limit ({@link StopAssignment#walkOverLimit()}), in input
     * order, for the planner to review; {@link StopAssignment#walk_m()} is the walk.
     */
    public List<StopAssignment> walksOverLimit() {
        return assignments.stream().filter(StopAssignment::walkOverLimit).toList();
    }

    /** Students with a stop, in input order. */
    public List<StopAssignment> served() {
        return assignments.stream().filter(StopAssignment::served).toList();
    }

    /** The stop with this id. */
    public Optional<BusStop> findStop(String id) {
        return stops.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The assignment of this student. */
    public Optional<StopAssignment> findAssignment(String studentId) {
        return assignments.stream().filter(a -> a.studentId().equals(studentId)).findFirst();
    }
}
