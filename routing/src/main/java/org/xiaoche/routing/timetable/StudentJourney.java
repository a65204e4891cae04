package org.xiaoche.routing.timetable;

/**
 * One transported student's day. Ride: from the bus's arrival at the stop (its dwell included)
 * to its arrival at the school (AM), or from leaving the school to arriving at the stop (PM).
 * Journey (AM): walk to the stop + wait before the bus + ride.
 *
 * @param capInfeasible true when no plan can meet the caps for this student (even a direct trip is
 *                      too long); the student is still carried, by the shortest possible trip, and
 *                      {@code capReason} says why
 */
public record StudentJourney(String studentId, String schoolId, int grade, String stopId, double walk_m,
                             double walk_s, double wait_s, String amRunId, double pickup_s,
                             double schoolArrival_s, double amRide_s, double amJourney_s, String pmRunId,
                             double schoolDeparture_s, double dropoff_s, double pmRide_s,
                             boolean capInfeasible, String capReason) {
}
