package org.xiaoche.routing.fleet;

/**
 * A kind of school bus. Seats never above the approved number (条例 Art. 34); 56 is the GB 24407
 * maximum for primary pupils.
 *
 * @param available how many such buses the operator has
 */
public record BusType(String id, int seats, double costPerDay, double costPerKm, int available) {
    public BusType {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("bus type needs an id");
        }
        if (seats <= 0 || seats > 80) {
            throw new IllegalArgumentException("bus type " + id + ": seats must be 1..80, got " + seats);
        }
        if (costPerDay < 0 || costPerKm < 0 || available < 0) {
            throw new IllegalArgumentException("bus type " + id + ": costs and availability must not be negative");
        }
    }
}
