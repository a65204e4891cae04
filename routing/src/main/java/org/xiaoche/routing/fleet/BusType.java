package org.xiaoche.routing.fleet;

import org.xiaoche.routing.policy.SettingException;
import org.xiaoche.routing.policy.SettingProblem;

/**
 * A kind of school bus. Seats never above the approved number (条例 Art. 34); 56 is the GB 24407
 * maximum for primary pupils.
 *
 * @param available how many such buses the operator has
 */
public record BusType(String id, int seats, double costPerDay, double costPerKm, int available) {

    /** Longest bus type or depot id, in characters. */
    public static final int MAX_ID_CHARS = 64;

    public BusType {
        if (id == null || id.isBlank()) {
            throw new SettingException("id", SettingProblem.VALUE_EMPTY, "bus type needs an id");
        }
        if (seats <= 0 || seats > 80) {
            throw new SettingException("seats", SettingProblem.OUT_OF_RANGE, "bus type " + id + ": seats must be 1..80, got " + seats,
                    seats, 1, 80);
        }
        if (id.codePointCount(0, id.length()) > MAX_ID_CHARS) {
            int length = id.codePointCount(0, id.length());
            throw new SettingException("id", SettingProblem.ID_TOO_LONG, "bus type id is " + length
                    + " characters long; at most " + MAX_ID_CHARS + " allowed", length, MAX_ID_CHARS);
        }
        boolean dayCostBad = !(costPerDay >= 0) || !Double.isFinite(costPerDay);
        if (dayCostBad || !(costPerKm >= 0) || !Double.isFinite(costPerKm)) {
            throw new SettingException(dayCostBad ? "costPerDay" : "costPerKm", SettingProblem.NOT_NON_NEGATIVE, "bus type " + id
                    + ": costs must be finite numbers, zero or more, got costPerDay " + costPerDay + ", costPerKm " + costPerKm,
                    dayCostBad ? costPerDay : costPerKm);
        }
        if (available < 0) {
            throw new SettingException("available", SettingProblem.NOT_NON_NEGATIVE, "bus type " + id
                    + ": available must not be negative, got " + available, available);
        }
    }
}
