package org.xiaoche.routing.validation;

/**
 * The rules a plan is checked against, given as plain numbers so the validator depends on nothing
 * the planner computes.
 *
 * @param rideCap_s                 longest ride for any student
 * @param journeyCapYoung_s         longest walk + wait + ride for the grades in {@code youngGrades}
 * @param youngGrades               the grades that have the journey cap (e.g. 0 for kindergarten and 1–3)
 * @param dwellFixed_s              dwell at every stop or school
 * @param dwellPerStudent_s         extra dwell per boarding (or alighting) student
 * @param arrivalEarliestBeforeBell_s a morning run may reach school this long before the bell at the earliest
 * @param arrivalLatestBeforeBell_s   … and this long before the bell at the latest
 * @param tolerance_s               allowed rounding in time comparisons
 */
public record ValidationRules(double rideCap_s, double journeyCapYoung_s, java.util.Set<Integer> youngGrades,
                              double dwellFixed_s, double dwellPerStudent_s,
                              double arrivalEarliestBeforeBell_s, double arrivalLatestBeforeBell_s,
                              double tolerance_s) {
}
