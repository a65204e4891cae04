package org.xiaoche.web.scenario;

import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.scenario.Scenario;
import org.xiaoche.web.system.ApiError;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario as the API takes and stores it: a name, the baseline plan, and the changes. School ids
 * only, never students. {@link #problems} checks it against the baseline's schools (every problem with
 * its field); {@link #toScenario} makes the engine's {@link Scenario} of a checked one.
 *
 * @param closures    schools closed; {@code receivingSchoolId} null sends each pupil to the nearest open school
 * @param timeChanges bells and dismissals moved ({@code HH:mm})
 * @param policy      rules changed; null fields keep the baseline's
 * @param fleet       buses available per bus type changed; null keeps the baseline's fleet
 */
public record ScenarioChanges(String name, Long baselinePlanId, List<Closure> closures, List<TimeChange> timeChanges,
                              PolicyChanges policy, FleetChanges fleet) {

    static final int MAX_NAME_LENGTH = 200;
    private static final String FILE = "scenario";

    public record Closure(String schoolId, String receivingSchoolId) {
    }

    public record TimeChange(String schoolId, String bellTime, String dismissalTime) {
    }

    /** The rules a scenario may change; null keeps the baseline's. */
    public record PolicyChanges(Double walkThreshold_m, Double rideCap_s, Double journeyCapGrades1to3_s,
                                Integer schoolDaysPerYear) {

        PlanningPolicy applyTo(PlanningPolicy base) {
            RouteRules r = base.routes();
            RouteRules routes = new RouteRules(rideCap_s != null ? rideCap_s : r.rideCap_s(),
                    journeyCapGrades1to3_s != null ? journeyCapGrades1to3_s : r.journeyCapGrades1to3_s(),
                    r.childWalkSpeed_mps(), r.waitAtStop_s(), r.dwellFixed_s(), r.dwellPerStudent_s(),
                    r.arrivalEarliestBeforeBell_s(), r.arrivalLatestBeforeBell_s(), r.chaperoneCostPerBusDay(),
                    r.solverSeconds());
            return new PlanningPolicy(walkThreshold_m != null ? walkThreshold_m : base.walkThreshold_m(),
                    base.gradeWalkThreshold_m(), base.maxHomeSnap_m(), base.maxOutsideArea_m(), base.maxWalkToStop_m(),
                    base.maxWalkToStopGrades1to3_m(), base.maxWalkToBusRoad_m(), base.youngGrades(),
                    base.stopRoadClasses(), base.noStopRoadEnvironments(), routes,
                    schoolDaysPerYear != null ? schoolDaysPerYear : base.schoolDaysPerYear(), base.termCalendar());
        }

        boolean empty() {
            return walkThreshold_m == null && rideCap_s == null && journeyCapGrades1to3_s == null && schoolDaysPerYear == null;
        }
    }

    /**
     * How many buses of each type the scenario has (bus type id → available), e.g. fewer buses after
     * a merger; types not named keep the baseline's number. Seats and costs stay the baseline's.
     */
    public record FleetChanges(java.util.Map<String, Integer> available) {

        /** Most buses of one type a scenario may name: far above any county's fleet. */
        static final int MAX_AVAILABLE = 10_000;

        public FleetChanges {
            available = available == null ? java.util.Map.of() : new java.util.TreeMap<>(available);
        }

        Fleet applyTo(Fleet base) {
            return new Fleet(base.busTypes().stream().map(t -> available.containsKey(t.id())
                    ? new BusType(t.id(), t.seats(), t.costPerDay(), t.costPerKm(), available.get(t.id())) : t).toList(),
                    base.depots());
        }

        boolean empty() {
            return available.isEmpty();
        }

        void check(Fleet base, List<ApiError.Problem> problems) {
            Set<String> types = new HashSet<>();
            base.busTypes().forEach(t -> types.add(t.id()));
            available.forEach((type, count) -> {
                String field = "fleet.available." + type;
                if (!types.contains(type)) {
                    problems.add(problem(field, "no bus type '" + type + "' in the baseline plan's fleet"));
                } else if (count == null || count < 0 || count > MAX_AVAILABLE) {
                    problems.add(problem(field, "must be a whole number from 0 to " + MAX_AVAILABLE + ", got " + count));
                }
            });
        }
    }

    public ScenarioChanges {
        closures = closures == null ? List.of() : List.copyOf(closures);
        timeChanges = timeChanges == null ? List.of() : List.copyOf(timeChanges);
    }

    /** Every problem of these changes against the baseline's school ids, policy and fleet; empty when it can run. */
    List<ApiError.Problem> problems(Set<String> schoolIds, PlanningPolicy baselinePolicy, Fleet baselineFleet) {
        List<ApiError.Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(problem("name", "a scenario needs a name"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(problem("name", "longer than " + MAX_NAME_LENGTH + " characters"));
        }
        if (closures.isEmpty() && timeChanges.isEmpty() && (policy == null || policy.empty()) && (fleet == null || fleet.empty())) {
            problems.add(problem("closures", "the scenario changes nothing"));
        }
        Set<String> closed = new HashSet<>();
        closures.forEach(c -> closed.add(c == null ? null : c.schoolId()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < closures.size(); i++) {
            Closure c = closures.get(i);
            String field = "closures[" + i + "]";
            if (c == null || c.schoolId() == null) {
                problems.add(problem(field + ".schoolId", "missing"));
                continue;
            }
            if (!schoolIds.contains(c.schoolId())) {
                problems.add(problem(field + ".schoolId", "no school '" + c.schoolId() + "' in the baseline plan"));
            } else if (!seen.add(c.schoolId())) {
                problems.add(problem(field + ".schoolId", "school '" + c.schoolId() + "' is closed twice"));
            }
            String to = c.receivingSchoolId();
            if (to != null) {
                if (!schoolIds.contains(to)) {
                    problems.add(problem(field + ".receivingSchoolId", "no school '" + to + "' in the baseline plan"));
                } else if (closed.contains(to)) {
                    problems.add(problem(field + ".receivingSchoolId", "school '" + to + "' is closed by this scenario"));
                }
            }
        }
        for (int i = 0; i < timeChanges.size(); i++) {
            TimeChange t = timeChanges.get(i);
            String field = "timeChanges[" + i + "]";
            if (t == null || t.schoolId() == null || !schoolIds.contains(t.schoolId())) {
                problems.add(problem(field + ".schoolId", t == null || t.schoolId() == null ? "missing"
                        : "no school '" + t.schoolId() + "' in the baseline plan"));
                continue;
            }
            LocalTime bell = time(t.bellTime(), field + ".bellTime", problems);
            LocalTime dismissal = time(t.dismissalTime(), field + ".dismissalTime", problems);
            if (bell != null && dismissal != null && !dismissal.isAfter(bell)) {
                problems.add(problem(field + ".dismissalTime", "dismissal " + t.dismissalTime() + " is not after the bell "
                        + t.bellTime()));
            }
        }
        if (policy != null) {
            try {
                policy.applyTo(baselinePolicy);
            } catch (IllegalArgumentException e) {
                problems.add(problem("policy", e.getMessage()));
            }
        }
        if (fleet != null) {
            fleet.check(baselineFleet, problems);
        }
        return problems;
    }

    /** The engine's scenario of these (checked) changes against the baseline with {@code fingerprint}. */
    Scenario toScenario(String fingerprint, PlanningPolicy baselinePolicy, Fleet baselineFleet) {
        return new Scenario(name, fingerprint,
                closures.stream().map(c -> new Scenario.Closure(c.schoolId(), c.receivingSchoolId())).toList(),
                timeChanges.stream().map(t -> new Scenario.TimeChange(t.schoolId(), LocalTime.parse(t.bellTime()),
                        LocalTime.parse(t.dismissalTime()))).toList(),
                policy == null || policy.empty() ? null : policy.applyTo(baselinePolicy),
                fleet == null || fleet.empty() ? null : fleet.applyTo(baselineFleet));
    }

    private static LocalTime time(String text, String field, List<ApiError.Problem> problems) {
        if (text == null) {
            problems.add(problem(field, "missing"));
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem(field, "'" + text + "' is not a time of day (HH:mm)"));
            return null;
        }
    }

    private static ApiError.Problem problem(String field, String reason) {
        return new ApiError.Problem(FILE, 0, field, reason);
    }
}
