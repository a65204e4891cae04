package org.xiaoche.routing.timetable;

/**
 * One transported student's day. Ride: from the bus's arrival at the stop (its dwell included)
 * to its arrival at the school (AM), or from leaving the school to arriving at the stop (PM).
 * Journey (AM): walk to the stop + wait before the bus + ride.
 *
 * @param capInfeasible true when no plan can meet the caps for this student (even a direct trip is
 *                      too long); the student is still carried, by the shortest possible trip, and
 *                      {@code capReason} says why
 * @param walkOverLimit true when the walk to the stop is longer than the policy's limit (no stop
 *                      within it could be found): carried, and flagged for the planner to review
 */
public record StudentJourney(String studentId, String schoolId, int grade, String stopId, double walk_m,
                             double walk_s, double wait_s, String amRunId, double pickup_s,
                             double schoolArrival_s, double amRide_s, double amJourney_s, String pmRunId,
                             double schoolDeparture_s, double dropoff_s, double pmRide_s,
                             boolean capInfeasible, String capReason, boolean walkOverLimit) {

    /** Collects a journey as the morning and afternoon runs are timed. */
    public static final class Builder {
        private final String studentId, schoolId, stopId;
        private final int grade;
        private final double walk_m, walk_s, wait_s;
        private String amRunId, pmRunId, capReason = "";
        private double pickup_s = Double.NaN, schoolArrival_s = Double.NaN, amRide_s = Double.NaN;
        private double schoolDeparture_s = Double.NaN, dropoff_s = Double.NaN;
        private boolean capInfeasible, walkOverLimit;

        public Builder(String studentId, String schoolId, int grade, String stopId, double walk_m, double walk_s, double wait_s) {
            this.studentId = studentId;
            this.schoolId = schoolId;
            this.grade = grade;
            this.stopId = stopId;
            this.walk_m = walk_m;
            this.walk_s = walk_s;
            this.wait_s = wait_s;
        }

        public Builder morning(String runId, double pickup_s, double schoolArrival_s, double ride_s) {
            this.amRunId = runId;
            this.pickup_s = pickup_s;
            this.schoolArrival_s = schoolArrival_s;
            this.amRide_s = ride_s;
            return this;
        }

        public Builder afternoon(String runId, double schoolDeparture_s, double dropoff_s) {
            this.pmRunId = runId;
            this.schoolDeparture_s = schoolDeparture_s;
            this.dropoff_s = dropoff_s;
            return this;
        }

        /** Marks the student as one whose caps no trip can meet; {@code reason} null means feasible. */
        public Builder capInfeasible(String reason) {
            this.capInfeasible = reason != null;
            this.capReason = reason == null ? "" : reason;
            return this;
        }

        public Builder walkOverLimit(boolean over) {
            this.walkOverLimit = over;
            return this;
        }

        public StudentJourney build() {
            return new StudentJourney(studentId, schoolId, grade, stopId, walk_m, walk_s, wait_s, amRunId, pickup_s,
                    schoolArrival_s, amRide_s, walk_s + wait_s + amRide_s, pmRunId, schoolDeparture_s, dropoff_s,
                    dropoff_s - schoolDeparture_s, capInfeasible, capReason, walkOverLimit);
        }
    }
}
