package org.xiaoche.routing.roster;

import org.xiaoche.routing.geo.LonLat;

import java.util.Objects;

/**
 * A day student. {@code home} is personal data of a minor: never log it, never put it in operator
 * exports. Grade 0 is kindergarten, 1–6 primary, 7–9 junior middle.
 */
public record Student(String id, String schoolId, int grade, LonLat home, boolean wheelchair) {
    public Student {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(home, "home");
    }

    @Override
    public String toString() {
        // Keep homes out of logs and exception messages.
        return "Student[" + id + ", school " + schoolId + ", grade " + grade + "]";
    }
}
