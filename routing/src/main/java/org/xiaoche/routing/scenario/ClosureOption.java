package org.xiaoche.routing.scenario;

import java.util.Objects;

/** Closing one school into one receiving school: a move the layout search may make. */
public record ClosureOption(String schoolId, String receivingSchoolId) {
    public ClosureOption {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(receivingSchoolId, "receivingSchoolId");
    }

    public String key() {
        return schoolId + ">" + receivingSchoolId;
    }
}
