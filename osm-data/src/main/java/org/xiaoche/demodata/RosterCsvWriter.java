package org.xiaoche.demodata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes schools.csv and students.csv: UTF-8 without BOM, '\n' line ends, 6-decimal WGS-84 degrees (~0.1 m). */
final class RosterCsvWriter {

    static final String SCHOOLS_HEADER = "school_id,name,level,lon,lat,capacity,bell_time,dismissal_time,teaching_point";
    static final String STUDENTS_HEADER = "student_id,school_id,grade,lon,lat";
    private static final int DECIMALS = 6;

    private RosterCsvWriter() {
    }

    static void writeSchools(List<DemoSchool> schools, LocalProjection projection, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SCHOOLS_HEADER);
            out.write('\n');
            for (DemoSchool s : schools) {
                out.write(String.join(",", s.id(), s.name(), s.level(),
                        CoordinateFormat.fixed(projection.lon(s.location()), DECIMALS),
                        CoordinateFormat.fixed(projection.lat(s.location()), DECIMALS),
                        Integer.toString(s.capacity()), s.bellTime(), s.dismissalTime(), Boolean.toString(s.teachingPoint())));
                out.write('\n');
            }
        }
    }

    static void writeStudents(List<DemoStudent> students, LocalProjection projection, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(STUDENTS_HEADER);
            out.write('\n');
            for (DemoStudent s : students) {
                out.write(s.id());
                out.write(',');
                out.write(s.schoolId());
                out.write(',');
                out.write(Integer.toString(s.grade()));
                out.write(',');
                out.write(CoordinateFormat.fixed(projection.lon(s.home()), DECIMALS));
                out.write(',');
                out.write(CoordinateFormat.fixed(projection.lat(s.home()), DECIMALS));
                out.write('\n');
            }
        }
    }
}
