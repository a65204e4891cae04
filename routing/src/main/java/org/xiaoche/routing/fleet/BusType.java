package org.xiaoche.routing.fleet;

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
            throw new IllegalArgumentException("bus type needs an id");
        }
        if (seats <= 0 || seats > 80) {
            throw new IllegalArgumentException("bus type " + id + ": seats must be 1..80, got " + seats);
        }
        if (id.codePointCount(0, id.length()) > MAX_ID_CHARS) {
            throw new IllegalArgumentException("bus type id is " + id.codePointCount(0, id.length())
                    + " characters long; at most " + MAX_ID_CHARS + " allowed");
        }
        if (!(costPerDay >= 0) || !Double.isFinite(costPerDay) || !(costPerKm >= 0) || !Double.isFinite(costPerKm)) {
            throw new IllegalArgumentException("bus type " + id + ": costs must be finite numbers, zero or more, got costPerDay "
                    + costPerDay + ", costPerKm " + costPerKm);
        }
        if (available < 0) {
            throw new IllegalArgumentException("bus type " + id + ": available must not be negative, got " + available);
        }
    }
}
