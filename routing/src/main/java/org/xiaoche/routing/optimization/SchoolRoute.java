package org.xiaoche.routing.optimization;

import java.util.List;

/**
 * One run of a bus: pickup stops in order, then the school. Times are absolute (seconds after
 * midnight). {@code schoolDeparture_s} is when the drop-off dwell ends.
 */
public record SchoolRoute(String schoolId, int schoolNode, List<StopVisit> visits,
                          double schoolArrival_s, double schoolDeparture_s) {

    public SchoolRoute {
        visits = List.copyOf(visits);
        if (visits.isEmpty()) {
            throw new IllegalArgumentException("a route visits at least one stop");
        }
    }

    /** Node of the first pickup stop (where the bus must be at {@link #start_s()}). */
    public int firstNode() {
        return visits.get(0).stop().node();
    }

    /** Arrival at the first stop. */
    public double start_s() {
        return visits.get(0).arrival_s();
    }

    /** Bus time of this run: first stop arrival to end of the drop-off dwell. */
    public double duration_s() {
        return schoolDeparture_s - start_s();
    }

    /** Students on board when arriving at school. */
    public int load() {
        return visits.get(visits.size() - 1).loadAfter();
    }

    /** Sum over students of their ride, in student-seconds. */
    public double studentRide_s() {
        return visits.stream().mapToDouble(v -> v.ride_s() * v.stop().students()).sum();
    }

    /** Driving time between consecutive stops and to the school (no dwell). */
    public double driving_s(TravelTimes travelTimes) {
        double driving_s = 0;
        for (int i = 0; i + 1 < visits.size(); i++) {
            driving_s += travelTimes.time_s(visits.get(i).stop().node(), visits.get(i + 1).stop().node());
        }
        return driving_s + travelTimes.time_s(visits.get(visits.size() - 1).stop().node(), schoolNode);
    }

    /** The same run moved in time so that it reaches the school at {@code newSchoolArrival_s}. */
    public SchoolRoute shiftedTo(double newSchoolArrival_s) {
        double delta_s = newSchoolArrival_s - schoolArrival_s;
        return new SchoolRoute(schoolId, schoolNode, visits.stream().map(v -> v.shifted(delta_s)).toList(),
                newSchoolArrival_s, schoolDeparture_s + delta_s);
    }
}
