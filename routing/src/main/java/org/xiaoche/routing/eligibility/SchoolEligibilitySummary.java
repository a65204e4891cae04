package org.xiaoche.routing.eligibility;

/**
 * Per-school counts and walking-distance percentiles over its reachable students.
 * Percentiles are NaN when no student of the school is reachable.
 */
public record SchoolEligibilitySummary(String schoolId, String schoolName, int students, int walkers,
                                       int needsTransport, int unreachable,
                                       double walkP50_m, double walkP90_m, double walkMax_m) {
}
