package org.xiaoche.web.adoption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A plan adopted for a region and a term ({@code validFrom} to {@code validTo}, both days included).
 * Superseded once a later adoption for an overlapping term replaced it ({@code supersededBy}), withdrawn
 * when ended without one; otherwise its state follows from the day ({@link #state}). {@code planId} is
 * null only once a plan no longer current was deleted with its dataset.
 */
public record Adoption(long id, Long planId, long regionId, String termName, LocalDate validFrom, LocalDate validTo,
                       String adoptedBy, Instant adoptedAt, Long supersededBy, String supersededByUser,
                       Instant supersededAt) {

    /** Where an adoption is in its life on a given day. */
    public enum State {
        /** Its term has not begun. */
        UPCOMING,
        /** Its term holds the day. */
        IN_FORCE,
        /** Its term ended; kept as history. */
        EXPIRED,
        /** Replaced by a later adoption for an overlapping term; kept as history. */
        SUPERSEDED,
        /** Ended by a planner without a successor; kept as history. */
        WITHDRAWN;

        /** Lower-case name as the API gives it, e.g. {@code in_force}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Whether the plan runs or will run: operators see it, it keeps its dataset, its buses may be given to
         * companies. Every other state is history.
         */
        public boolean current() {
            return this == UPCOMING || this == IN_FORCE;
        }
    }

    /** The state on {@code today}: computed, never stored, so it cannot go stale. */
    public State state(LocalDate today) {
        if (supersededAt != null) {
            return supersededBy != null ? State.SUPERSEDED : State.WITHDRAWN;
        }
        if (today.isAfter(validTo)) {
            return State.EXPIRED;
        }
        return today.isBefore(validFrom) ? State.UPCOMING : State.IN_FORCE;
    }

    /** Whether the plan runs or will run on {@code today}'s reckoning ({@link State#current()}). */
    public boolean current(LocalDate today) {
        return state(today).current();
    }
}
