package org.xiaoche.routing.scenario;

/** A student whose school a scenario closed, and the school the student goes to instead. */
public record Reassignment(String studentId, int grade, String fromSchoolId, String toSchoolId) {
}
