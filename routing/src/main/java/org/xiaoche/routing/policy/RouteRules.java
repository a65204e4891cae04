package org.xiaoche.routing.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The rules routes and timetables must keep (design brief §2), in the policy file under {@code "routes"}.
 *
 * @param rideCap_s                   longest ride of any student (45 min, common practice)
 * @param journeyCapGrades1to3_s      longest walk + wait + ride of young pupils ({@link PlanningPolicy#isYoungPupil}: grades 1–3
 *                                    and kindergarten by default) (30 min, 国办发〔2018〕27号)
 * @param childWalkSpeed_mps          walking speed used to turn walks to a stop into minutes
 * @param waitAtStop_s                how long before the bus a child is at the stop
 * @param dwellFixed_s                dwell at every stop and school (30 s)
 * @param dwellPerStudent_s           extra dwell per boarding or alighting student (5 s)
 * @param arrivalEarliestBeforeBell_s morning runs reach school no earlier than this before the bell (20 min)
 * @param arrivalLatestBeforeBell_s   … and no later than this before the bell (5 min)
 * @param chaperoneCostPerBusDay      one chaperone (照管人员) per bus and day, 条例 Art. 38–39, in currency units
 * @param solverSeconds               safety cap on the route solver's time per school (CPU time of its thread)
 */
public record RouteRules(double rideCap_s, double journeyCapGrades1to3_s, double childWalkSpeed_mps,
                         double waitAtStop_s, double dwellFixed_s, double dwellPerStudent_s,
                         double arrivalEarliestBeforeBell_s, double arrivalLatestBeforeBell_s,
                         double chaperoneCostPerBusDay, double solverSeconds) {

    /** Upper bound of the ride and journey caps and of the earliest arrival before the bell: 3 h. */
    public static final double MAX_CAP_S = 3 * 3_600;
    /** Upper bound of the solver's time cap: 1 h. */
    public static final double MAX_SOLVER_SECONDS = 3_600;

    public RouteRules {
        positive("rideCap_s", rideCap_s);
        positive("journeyCapGrades1to3_s", journeyCapGrades1to3_s);
        positive("childWalkSpeed_mps", childWalkSpeed_mps);
        nonNegative("waitAtStop_s", waitAtStop_s);
        nonNegative("dwellFixed_s", dwellFixed_s);
        nonNegative("dwellPerStudent_s", dwellPerStudent_s);
        nonNegative("arrivalLatestBeforeBell_s", arrivalLatestBeforeBell_s);
        nonNegative("chaperoneCostPerBusDay", chaperoneCostPerBusDay);
        positive("solverSeconds", solverSeconds);
        atMost("rideCap_s", rideCap_s, MAX_CAP_S);
        atMost("journeyCapGrades1to3_s", journeyCapGrades1to3_s, MAX_CAP_S);
        atMost("childWalkSpeed_mps", childWalkSpeed_mps, 3);
        atMost("waitAtStop_s", waitAtStop_s, 3_600);
        atMost("dwellFixed_s", dwellFixed_s, 600);
        atMost("dwellPerStudent_s", dwellPerStudent_s, 120);
        atMost("arrivalEarliestBeforeBell_s", arrivalEarliestBeforeBell_s, MAX_CAP_S);
        atMost("solverSeconds", solverSeconds, MAX_SOLVER_SECONDS);
        if (arrivalEarliestBeforeBell_s < arrivalLatestBeforeBell_s) {
            throw new SettingException("routes.arrivalEarliestBeforeBell_s", SettingProblem.ARRIVAL_WINDOW_ORDER,
                    "arrivalEarliestBeforeBell_s must be at least arrivalLatestBeforeBell_s", arrivalEarliestBeforeBell_s, arrivalLatestBeforeBell_s);
        }
    }

    public static RouteRules defaults() {
        return new RouteRules(45 * 60, 30 * 60, 1.0, 120, 30, 5, 20 * 60, 5 * 60, 150, 20);
    }

    /** Mutable holder for reading the policy file on top of defaults. */
    static final class Builder {
        @JsonProperty public double rideCap_s;
        @JsonProperty public double journeyCapGrades1to3_s;
        @JsonProperty public double childWalkSpeed_mps;
        @JsonProperty public double waitAtStop_s;
        @JsonProperty public double dwellFixed_s;
        @JsonProperty public double dwellPerStudent_s;
        @JsonProperty public double arrivalEarliestBeforeBell_s;
        @JsonProperty public double arrivalLatestBeforeBell_s;
        @JsonProperty public double chaperoneCostPerBusDay;
        @JsonProperty public double solverSeconds;

        Builder(RouteRules r) {
            rideCap_s = r.rideCap_s;
            journeyCapGrades1to3_s = r.journeyCapGrades1to3_s;
            childWalkSpeed_mps = r.childWalkSpeed_mps;
            waitAtStop_s = r.waitAtStop_s;
            dwellFixed_s = r.dwellFixed_s;
            dwellPerStudent_s = r.dwellPerStudent_s;
            arrivalEarliestBeforeBell_s = r.arrivalEarliestBeforeBell_s;
            arrivalLatestBeforeBell_s = r.arrivalLatestBeforeBell_s;
            chaperoneCostPerBusDay = r.chaperoneCostPerBusDay;
            solverSeconds = r.solverSeconds;
        }

        RouteRules build() {
            return new RouteRules(rideCap_s, journeyCapGrades1to3_s, childWalkSpeed_mps, waitAtStop_s, dwellFixed_s,
                    dwellPerStudent_s, arrivalEarliestBeforeBell_s, arrivalLatestBeforeBell_s, chaperoneCostPerBusDay,
                    solverSeconds);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new SettingException("routes." + name, SettingProblem.NOT_POSITIVE, "routes." + name + " must be a positive number, got "
                    + value, value);
        }
    }

    private static void atMost(String name, double value, double max) {
        if (value > max) {
            throw new SettingException("routes." + name, SettingProblem.ABOVE_MAX, "routes." + name + " must be at most " + fmt(max)
                    + ", got " + fmt(value), max, value);
        }
    }

    private static String fmt(double v) {
        return SettingException.number(v);
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new SettingException("routes." + name, SettingProblem.NOT_NON_NEGATIVE, "routes." + name + " must be zero or positive, got "
                    + value, value);
        }
    }
}
