package org.xiaoche.routing.stops;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one student who needs transport boards the bus, or why no stop could be found. Carries no
 * coordinates, so it is safe to log.
 *
 * @param studentId    the student
 * @param schoolId     the student's school
 * @param grade        the student's grade (decides the walking limit)
 * @param stopId       the {@link BusStop#id()}; {@code null} when unserved
 * @param walk_m       walking distance along the walking network from where the home meets it to the stop;
 *                     NaN when unserved
 * @param homeAccess_m straight leg from the home to the walking network, not included in {@code walk_m};
 *                     NaN when no walkable way is near
 * @param reason       empty when served, else why not, e.g. {@code no bus-safe road within 300 m walk}
 */
public record StopAssignment(String studentId, String schoolId, int grade, String stopId, double walk_m,
                             double homeAccess_m, String reason) {
    public StopAssignment {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(reason, "reason");
        if ((stopId == null) == reason.isEmpty()) {
            throw new IllegalArgumentException("an assignment has either a stop or a reason: " + studentId);
        }
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
