package org.xiaoche.routing.plan;

import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;

import java.time.LocalTime;
import java.util.List;

/** What a plan is made from besides the road network: the roster, the fleet and the policy. */
public record PlanInput(List<School> schools, List<Student> students, Fleet fleet, PlanningPolicy policy) {

    public PlanInput {
        schools = List.copyOf(schools);
        students = List.copyOf(students);
    }

    /** The same inputs with one school's morning bell moved. */
    public PlanInput withBellTime(String schoolId, LocalTime bell) {
        if (schools.stream().noneMatch(s -> s.id().equals(schoolId))) {
            throw new IllegalArgumentException("no school " + schoolId);
        }
        return new PlanInput(schools.stream().map(s -> s.id().equals(schoolId) ? new School(s.id(), s.name(), s.level(),
                s.location(), s.capacity(), bell, s.dismissalTime(), s.teachingPoint()) : s).toList(), students, fleet, policy);
    }

    public PlanInput withFleet(Fleet newFleet) {
        return new PlanInput(schools, students, newFleet, policy);
    }

    public PlanInput withPolicy(PlanningPolicy newPolicy) {
        return new PlanInput(schools, students, fleet, newPolicy);
    }
}
