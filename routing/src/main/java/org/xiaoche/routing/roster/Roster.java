package org.xiaoche.routing.roster;

import java.util.List;

/** The schools and students of one district, as read and validated together. */
public record Roster(List<School> schools, List<Student> students) {
    public Roster {
        schools = List.copyOf(schools);
        students = List.copyOf(students);
    }
}
