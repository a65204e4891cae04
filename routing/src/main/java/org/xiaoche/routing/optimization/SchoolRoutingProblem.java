package org.xiaoche.routing.optimization;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One routing run: buses collect students at {@code stops} and bring them to one school
 * (single load), arriving inside {@code window}. Objective, in order: fewest routes, least total
 * bus time, least student ride time.
 *
 * <p>Contract: every stop has at most {@code seats} students (a stop is never split); stop ids are
 * unique; node indices refer to {@code travelTimes}.
 */
public record SchoolRoutingProblem(String schoolId, int schoolNode, ArrivalWindow window,
                                   List<PickupStop> stops, DwellModel stopDwell, DwellModel schoolDwell,
                                   int seats, TravelTimes travelTimes) {

    public SchoolRoutingProblem {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(stopDwell, "stopDwell");
        Objects.requireNonNull(schoolDwell, "schoolDwell");
        Objects.requireNonNull(travelTimes, "travelTimes");
        stops = List.copyOf(stops);
        if (seats <= 0) {
            throw new IllegalArgumentException("seats must be > 0");
        }
        Set<String> ids = new HashSet<>();
        for (PickupStop stop : stops) {
            if (!ids.add(stop.id())) {
                throw new IllegalArgumentException("duplicate stop id " + stop.id());
            }
            if (stop.students() > seats) {
                throw new IllegalArgumentException("stop " + stop.id() + " has " + stop.students()
                        + " students, more than the " + seats + " seats of a bus");
            }
        }
    }

    /** Ride of a student at {@code stop} when the bus drives straight from it to the school. */
    public double directRide_s(PickupStop stop) {
        return stopDwell.dwell_s(stop.students()) + travelTimes.time_s(stop.node(), schoolNode);
    }

    /** Total students of all stops. */
    public int students() {
        return stops.stream().mapToInt(PickupStop::students).sum();
    }
}
