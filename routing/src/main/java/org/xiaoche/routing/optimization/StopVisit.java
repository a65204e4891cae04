package org.xiaoche.routing.optimization;

/**
 * A bus at a pickup stop: arrives, dwells, departs with {@code loadAfter} students on board.
 * {@code ride_s} is the ride of the students boarding here (arrival here to arrival at school).
 */
public record StopVisit(PickupStop stop, double arrival_s, double departure_s, int loadAfter, double ride_s) {

    StopVisit shifted(double delta_s) {
        return new StopVisit(stop, arrival_s + delta_s, departure_s + delta_s, loadAfter, ride_s);
    }
}
