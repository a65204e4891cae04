package org.xiaoche.routing.scenario;

import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.timetable.StudentJourney;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every student's morning journey door to school in one plan, the one definition comparisons and the
 * layout search use: a carried student's walk to the stop + wait + ride; a walker's walk along the
 * walking network at the policy's child walking speed. Students without a bus (unserved) or whose walk
 * could not be measured (unreachable) have no journey and are counted apart.
 */
public final class StudentJourneys {

    /** One student's journey and what kind it is. */
    public record Journey(String studentId, String schoolId, int grade, double journey_s, double ride_s, boolean byBus) {
    }

    private final Map<String, Journey> byStudent;

    private StudentJourneys(Map<String, Journey> byStudent) {
        this.byStudent = byStudent;
    }

    public static StudentJourneys of(ComparedPlan plan) {
        PlanningPolicy policy = plan.plan().policy();
        Map<String, StudentJourney> carried = new HashMap<>();
        plan.plan().journeys().forEach(j -> carried.put(j.studentId(), j));
        Map<String, Journey> all = new TreeMap<>();
        for (StudentEligibility e : plan.eligibility().students()) {
            Student s = e.student();
            StudentJourney j = carried.get(s.id());
            if (j != null) {
                all.put(s.id(), new Journey(s.id(), s.schoolId(), s.grade(), j.amJourney_s(), j.amRide_s(), true));
            } else if (e.status() == EligibilityStatus.WALKS) {
                all.put(s.id(), new Journey(s.id(), s.schoolId(), s.grade(), e.walk_m() / policy.routes().childWalkSpeed_mps(),
                        0, false));
            }
        }
        return new StudentJourneys(all);
    }

    /** Journeys by student id, in id order. */
    public Map<String, Journey> byStudent() {
        return byStudent;
    }
}
