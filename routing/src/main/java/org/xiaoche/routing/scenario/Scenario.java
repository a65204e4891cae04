package org.xiaoche.routing.scenario;

import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.policy.PlanningPolicy;

import java.time.LocalTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named change of a baseline plan: schools closed (each into a named receiving school, or into the
 * nearest open school teaching each pupil's grade), bell and dismissal times moved, another policy
 * (walk threshold, caps) or fleet. A value: it says what to change, {@link ScenarioRunner} applies it.
 *
 * @param baselineFingerprint {@link PlanCodec#fingerprint} of the baseline plan, so a stored scenario is never
 *                            run against another plan
 * @param policy              the policy to plan with; null keeps the baseline's
 * @param fleet               the fleet to plan with; null keeps the baseline's
 */
public record Scenario(String name, String baselineFingerprint, List<Closure> closures, List<TimeChange> timeChanges,
                       PlanningPolicy policy, Fleet fleet) {

    /**
     * One school closed. Its students go to {@code receivingSchoolId}, or when that is null each to the open
     * school nearest by bus time (from the closed school) that teaches the student's grade, skipping schools
     * whose known capacity would be exceeded.
     */
    public record Closure(String schoolId, String receivingSchoolId) {
        public Closure {
            Objects.requireNonNull(schoolId, "schoolId");
            if (schoolId.equals(receivingSchoolId)) {
                throw new IllegalArgumentException("school " + schoolId + " cannot receive its own students");
            }
        }

        public boolean toNearest() {
            return receivingSchoolId == null;
        }
    }

    /** A school's morning bell and dismissal time moved. */
    public record TimeChange(String schoolId, LocalTime bellTime, LocalTime dismissalTime) {
        public TimeChange {
            Objects.requireNonNull(schoolId, "schoolId");
            Objects.requireNonNull(bellTime, "bellTime");
            Objects.requireNonNull(dismissalTime, "dismissalTime");
            if (!dismissalTime.isAfter(bellTime)) {
                throw new IllegalArgumentException("school " + schoolId + ": dismissal " + dismissalTime
                        + " is not after bell " + bellTime);
            }
        }
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baselineFingerprint, "baselineFingerprint");
        closures = List.copyOf(closures);
        timeChanges = List.copyOf(timeChanges);
        Set<String> closed = new HashSet<>();
        for (Closure c : closures) {
            if (!closed.add(c.schoolId())) {
                throw new IllegalArgumentException("school " + c.schoolId() + " is closed twice");
            }
        }
        for (Closure c : closures) {
            if (c.receivingSchoolId() != null && closed.contains(c.receivingSchoolId())) {
                throw new IllegalArgumentException("school " + c.schoolId() + " cannot go to " + c.receivingSchoolId()
                        + ", which the scenario closes too");
            }
        }
    }

    /** Closing {@code schoolIds} of {@code baseline}, all into {@code receivingSchoolId} (null = each to its nearest). */
    public static Scenario closing(String name, Plan baseline, Collection<String> schoolIds, String receivingSchoolId) {
        return new Scenario(name, PlanCodec.fingerprint(baseline),
                schoolIds.stream().map(id -> new Closure(id, receivingSchoolId)).toList(), List.of(), null, null);
    }

    /** The ids of the schools this scenario closes. */
    public Set<String> closedSchoolIds() {
        Set<String> ids = new java.util.TreeSet<>();
        closures.forEach(c -> ids.add(c.schoolId()));
        return ids;
    }
}
