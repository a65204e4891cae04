package org.xiaoche.routing.stops;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one student who needs transport boards the bus, or why no stop could be found. Carries no
 * coordinates, so it is safe to log.
 *
 * @param studentId        the student
 * @param schoolId         the student's school
 * @param grade            the student's grade (decides the walking limit)
 * @param stopId           the {@link BusStop#id()}; {@code null} when unserved
 * @param walk_m           the walk to the stop: along the walking network from where the home meets it, or, when
 *                         {@code walkStraightLine}, straight from the home itself; NaN when unserved
 * @param homeAccess_m     straight leg from the home to the walking network, not included in {@code walk_m} (0 when
 *                         {@code walkStraightLine}, whose walk starts at the home); NaN when no walkable way is near
 * @param walkOverLimit    true when {@code walk_m} is over the policy's walking limit for the grade: no stop was
 *                         within the limit, so the stop is at the nearest point a bus may stop (shared with nearby
 *                         students in the same case); such walks are for the planner to review
 * @param walkStraightLine true when no road where a bus may stop could be reached along the mapped walking network
 *                         within the policy's {@code maxWalkToBusRoad_m}, so the stop is the nearest such road in a
 *                         straight line and {@code walk_m} is that straight distance, not a measured walk
 * @param reason           empty when served, else why not, e.g. {@code no road where a bus may stop within 3000 m}
 */
public record StopAssignment(String studentId, String schoolId, int grade, String stopId, double walk_m,
                             double homeAccess_m, boolean walkOverLimit, boolean walkStraightLine, String reason) {
    public StopAssignment {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(reason, "reason");
        if ((stopId == null) == reason.isEmpty()) {
            throw new IllegalArgumentException("an assignment has either a stop or a reason: " + studentId);
        }
        if (stopId == null && (walkOverLimit || walkStraightLine)) {
            throw new IllegalArgumentException("only a served student has a walk to flag: " + studentId);
        }
    }

    /** An assignment whose walk, if any, is a measured walk within the limit. */
    public StopAssignment(String studentId, String schoolId, int grade, String stopId, double walk_m,
                          double homeAccess_m, String reason) {
        this(studentId, schoolId, grade, stopId, walk_m, homeAccess_m, false, false, reason);
    }

    /** True when the student has a stop. */
    public boolean served() {
        return stopId != null;
    }

    /** The stop, empty when unserved. */
    public Optional<String> findStopId() {
        return Optional.ofNullable(stopId);
    }
}
