package org.xiaoche.benchmarks.parktaekim.check;

import org.xiaoche.benchmarks.parktaekim.ParkInstance;

import java.util.ArrayList;
import java.util.List;

/** Runs all rules on a solution; a solution is valid when no rule reports a violation. */
public final class ParkSolutionChecker {

    /** Slack for our own timetables: they are computed in doubles, in another summation order. */
    public static final double EXACT_TOLERANCE_S = 1e-6;

    private static final List<CheckRule> RULES = List.of(new StopCoverageRule(), new CapacityRule(),
            new DeliveryRule(), new RideTimeRule(), new ArrivalWindowRule(), new TimingRule());

    private ParkSolutionChecker() {
    }

    public static List<Violation> check(ParkInstance instance, List<BusTimetable> buses, double maxRide_s,
                                        double tolerance_s) {
        CheckContext context = new CheckContext(instance, maxRide_s, tolerance_s);
        List<Violation> violations = new ArrayList<>();
        for (CheckRule rule : RULES) {
            violations.addAll(rule.check(context, buses));
        }
        return violations;
    }
}
