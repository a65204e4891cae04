package org.xiaoche.routing.optimization;

import java.util.Objects;

/**
 * A stop where {@code students} students board for one school. All of them board the same bus
 * (a stop is never split). {@code maxRide_s} caps every student's ride from the bus's arrival at
 * this stop (its own dwell included) to the bus's arrival at the school; give grade 1–3 stops a
 * tighter cap than others.
 */
public record PickupStop(String id, int node, int students, double maxRide_s) {

    public PickupStop {
        Objects.requireNonNull(id, "id");
        if (node < 0) {
            throw new IllegalArgumentException("stop " + id + ": node must be >= 0");
        }
        if (students < 0) {
            throw new IllegalArgumentException("stop " + id + ": students must be >= 0");
        }
        if (!(maxRide_s > 0)) {
            throw new IllegalArgumentException("stop " + id + ": maxRide_s must be > 0");
        }
    }
}
