package org.xiaoche.routing.export;

import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The map layers of a roster: schools, and students at home (personal data of minors, for planners
 * only). The keys are column names the roster readers accept ({@code school_name} for a school's name).
 */
public final class RosterLayers {

    private RosterLayers() {
    }

    /**
     * {@code school_id, school_name, level, capacity, teaching_point, bell_time, dismissal_time}; a school
     * without a name gets "", bell and dismissal times are {@code HH:mm} or null when the roster has none.
     */
    public static FeatureProperties schoolProperties(School school) {
        return new FeatureProperties().put("school_id", school.id()).put("school_name", school.name() == null ? "" : school.name())
                .put("level", school.level().name().toLowerCase(Locale.ROOT)).put("capacity", school.capacity())
                .put("teaching_point", school.teachingPoint())
                .put("bell_time", school.bellTime() == null ? null : school.bellTime().toString())
                .put("dismissal_time", school.dismissalTime() == null ? null : school.dismissalTime().toString());
    }

    /** {@code student_id, school_id, grade, wheelchair}. */
    public static FeatureProperties studentProperties(Student student) {
        return new FeatureProperties().put("student_id", student.id()).put("school_id", student.schoolId())
                .put("grade", student.grade()).put("wheelchair", student.wheelchair());
    }

    public static void writeSchools(List<School> schools, GeoJsonWriter geoJson) throws IOException {
        for (School school : schools) {
            geoJson.point(school.location(), schoolProperties(school));
        }
    }

    public static void writeStudents(List<Student> students, GeoJsonWriter geoJson) throws IOException {
        for (Student student : students) {
            geoJson.point(student.home(), studentProperties(student));
        }
    }
}
