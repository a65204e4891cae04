package org.xiaoche.routing.scenario;

import java.util.List;
import java.util.Map;

/**
 * A baseline plan and one or more scenario plans side by side (built by {@link Comparisons#compare}):
 * each plan's figures, each scenario's differences from the baseline and its verdict, which comes first:
 * a closure is infeasible under 应留必留 (国办发〔2018〕27号) when any young pupil it moved would travel
 * longer than the journey cap. Boarding beds, canteen seats and capacities not given are "unknown", never
 * "enough". Everything but {@link ScenarioComparison#plannerOnly()} is aggregate and fit for a public
 * report; that part names students and must be dropped from one. Times in seconds, costs in the fleet's
 * currency units, distances in km.
 */
public record Comparison(int formatVersion, PlanFigures baseline, List<ScenarioComparison> scenarios) {

    public static final int FORMAT_VERSION = 1;

    /** Capacity statuses: the need fits, or is short by a number, or the school's figure is not known. */
    public static final String ENOUGH = "enough", UNKNOWN = "unknown", SHORT = "short";

    public Comparison {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * One plan's figures.
     *
     * @param students           students on the roster
     * @param walkers            students within the walk threshold
     * @param unreachable        students whose walk could not be measured
     * @param unserved           students needing transport who got no bus
     * @param yearlyCost         daily cost × the policy's school days per year
     * @param journeys           door-to-school journeys of carried students and walkers ({@link StudentJourneys})
     * @param overRideCap        carried students whose ride exceeds the ride cap
     * @param youngOverJourneyCap young pupils carried whose journey exceeds the young pupils' journey cap
     * @param boardingCandidates students of grade 4 and up whose journey exceeds the ride cap
     * @param rulesValid         the plan passes the independent validator
     */
    public record PlanFigures(String name, int students, int needingTransport, int walkers, int unreachable,
                              int unserved, int buses, int runs, double busKmPerDay, DailyCost dailyCost,
                              int schoolDaysPerYear, double yearlyCost, JourneyStats journeys,
                              Map<String, JourneyStats> journeysByGradeBand, Map<String, JourneyStats> journeysBySchool,
                              int overRideCap, int youngOverJourneyCap, int boardingCandidates, boolean rulesValid) {
    }

    /** The daily cost: buses' daily costs, kilometres, chaperones; and the total. */
    public record DailyCost(double buses, double km, double chaperones, double total) {
    }

    /** Mean, nearest-rank p50 and p90 ({@code stats.Percentiles}), and maximum; null when there are no journeys. */
    public record JourneyStats(int students, Double mean_s, Double p50_s, Double p90_s, Double max_s) {
    }

    /**
     * One scenario against the baseline.
     *
     * @param verdict          first: feasible or not, and why
     * @param closedSchools    the schools closed, with the villages that lose their school
     * @param receivingSchools every school that received students: enrolment, beds and canteen seats against need
     * @param plannerOnly      student ids: for planners only, never in a public report
     */
    public record ScenarioComparison(String name, Verdict verdict, PlanFigures figures, Differences differences,
                                     List<ClosedSchool> closedSchools, List<ReceivingSchool> receivingSchools,
                                     PlannerOnly plannerOnly) {
    }

    /**
     * The scenario's verdict. {@code youngOverCapMoved} young pupils moved by a closure whose journey exceeds
     * the cap make it infeasible (应留必留), as do moved students left without a bus and a plan the validator
     * refuses. {@code reasons} lists every reason, the 应留必留 one first.
     */
    public record Verdict(boolean feasible, int youngOverCapMoved, int movedUnserved, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /** Scenario minus baseline. */
    public record Differences(int needingTransport, int walkers, int unserved, int buses, int runs, double busKmPerDay,
                              double dailyCost, double yearlyCost, Double journeyMean_s, Double journeyP50_s,
                              Double journeyP90_s, Double journeyMax_s, int overRideCap, int youngOverJourneyCap,
                              int boardingCandidates) {
    }

    /** A closed school, the village that loses it (empty when no village is mapped near it), and who moved. */
    public record ClosedSchool(String schoolId, String name, boolean teachingPoint, String village, int studentsMoved,
                               int youngPupilsMoved, Map<String, Integer> movedTo) {
    }

    /**
     * A school that received students. Capacity, beds or seats of null are unknown; each status is
     * {@link #ENOUGH}, {@link #SHORT} or {@link #UNKNOWN}.
     *
     * @param lunchStudents students staying at school for lunch: everyone carried by bus or needing
     *                      transport, since no run goes home at midday
     */
    public record ReceivingSchool(String schoolId, String name, int studentsMovedIn, int enrolment, Integer capacity,
                                  String capacityStatus, int boardingCandidates, Integer boardingBeds, String bedsStatus,
                                  int lunchStudents, Integer canteenSeats, String canteenStatus) {
    }

    /** Planner-only detail: the students whose journey changed most (largest absolute change first). */
    public record PlannerOnly(List<JourneyChange> largestJourneyChanges) {
        public PlannerOnly {
            largestJourneyChanges = List.copyOf(largestJourneyChanges);
        }
    }

    /** One student's journey before and after; a null time means no journey (no bus, or not measurable). */
    public record JourneyChange(String studentId, String schoolBefore, String schoolAfter, Double before_s,
                                Double after_s, Double change_s) {
    }
}
