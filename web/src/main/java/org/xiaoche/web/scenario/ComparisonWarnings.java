package org.xiaoche.web.scenario;

import org.xiaoche.routing.scenario.Comparison;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings a comparison leads with, in this order: 应留必留 (young pupils moved over the journey cap),
 * moved students without a bus, a plan that breaks the rules; then per receiving school boarding beds,
 * canteen seats and capacity that are short, or unknown where they are needed. Counts only: the page
 * words each {@link Kind} from the message bundles.
 */
public final class ComparisonWarnings {

    public enum Kind {
        YOUNG_OVER_CAP, MOVED_UNSERVED, PLAN_BREAKS_RULES, BEDS_SHORT, BEDS_UNKNOWN, CANTEEN_SHORT, CANTEEN_UNKNOWN,
        CAPACITY_SHORT
    }

    /**
     * One warning; {@code schoolId}/{@code schoolName} name the receiving school when it is about one,
     * {@code count} the students concerned, {@code available} the beds, seats or places given (null if none).
     */
    public record Warning(String scenario, Kind kind, String schoolId, String schoolName, int count, Integer available) {
    }

    private ComparisonWarnings() {
    }

    public static List<Warning> of(Comparison comparison) {
        List<Warning> verdicts = new ArrayList<>(), schools = new ArrayList<>();
        for (Comparison.ScenarioComparison s : comparison.scenarios()) {
            Comparison.Verdict v = s.verdict();
            if (v.youngOverCapMoved() > 0) {
                verdicts.add(new Warning(s.name(), Kind.YOUNG_OVER_CAP, null, null, v.youngOverCapMoved(), null));
            }
            if (v.movedUnserved() > 0) {
                verdicts.add(new Warning(s.name(), Kind.MOVED_UNSERVED, null, null, v.movedUnserved(), null));
            }
            if (!s.figures().rulesValid()) {
                verdicts.add(new Warning(s.name(), Kind.PLAN_BREAKS_RULES, null, null, 0, null));
            }
            for (Comparison.ReceivingSchool r : s.receivingSchools()) {
                capacity(schools, s.name(), r, r.boardingCandidates(), r.bedsStatus(), r.boardingBeds(), Kind.BEDS_SHORT, Kind.BEDS_UNKNOWN);
                capacity(schools, s.name(), r, r.lunchStudents(), r.canteenStatus(), r.canteenSeats(), Kind.CANTEEN_SHORT,
                        Kind.CANTEEN_UNKNOWN);
                if (r.capacityStatus().startsWith(Comparison.SHORT)) {
                    schools.add(new Warning(s.name(), Kind.CAPACITY_SHORT, r.schoolId(), r.name(), r.enrolment(), r.capacity()));
                }
            }
        }
        verdicts.addAll(schools);
        return verdicts;
    }

    private static void capacity(List<Warning> out, String scenario, Comparison.ReceivingSchool r, int need, String status,
                                 Integer available, Kind shortKind, Kind unknownKind) {
        if (need == 0) {
            return;
        }
        if (status.startsWith(Comparison.SHORT)) {
            out.add(new Warning(scenario, shortKind, r.schoolId(), r.name(), need, available));
        } else if (status.equals(Comparison.UNKNOWN)) {
            out.add(new Warning(scenario, unknownKind, r.schoolId(), r.name(), need, null));
        }
    }
}
