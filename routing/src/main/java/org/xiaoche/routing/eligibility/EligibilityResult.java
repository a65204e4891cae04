package org.xiaoche.routing.eligibility;

import java.util.List;

/** Eligibility of every student, in input order, and the per-school summary in school order. */
public record EligibilityResult(List<StudentEligibility> students, List<SchoolEligibilitySummary> schools) {
    public EligibilityResult {
        students = List.copyOf(students);
        schools = List.copyOf(schools);
    }

    public long count(EligibilityStatus status) {
        return students.stream().filter(s -> s.status() == status).count();
    }
}
