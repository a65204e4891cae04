package org.xiaoche.routing.eligibility;

import org.xiaoche.routing.roster.Student;

/**
 * One student's eligibility.
 *
 * @param walk_m         shortest walking distance along the network between where home and school
 *                       meet it; NaN when unreachable
 * @param homeAccess_m   straight leg from the home to the walkable network; NaN if none within reach
 * @param schoolAccess_m straight leg from the school to the walkable network; NaN if none
 * @param reason         empty unless {@link EligibilityStatus#UNREACHABLE}, e.g. {@code off network (412 m)}
 */
public record StudentEligibility(Student student, EligibilityStatus status, double walk_m,
                                 double homeAccess_m, double schoolAccess_m, String reason) {
}
