package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.ChinaDatumOffsets;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;
import static org.xiaoche.routing.roster.io.RosterFiles.at;

/** The same roster in every supported format and encoding imports to the same records. */
class RosterReaderFormatsTest {

    static final List<List<String>> SCHOOLS = List.of(
            List.of("school_id", "name", "level", "lon", "lat", "capacity", "bell_time", "dismissal_time", "teaching_point"),
            List.of("S1", "东风小学", "primary", "117.2", "31.8", "600", "07:50", "16:30", "false"),
            List.of("S2", "西山初中", "junior", "117.25", "31.85", "900", "07:40", "17:10", ""),
            List.of("S3", "南岭教学点", "nine_year", "117.3", "31.75", "", "08:00", "15:30", "true"));

    /** The same schools with Chinese headers and values, as a Chinese Excel user would save them. */
    static final List<List<String>> SCHOOLS_CHINESE = List.of(
            List.of("学校编号", "学校名称", "学段", "经度", "纬度", "学位数", "上课时间", "放学时间", "教学点"),
            List.of("S1", "东风小学", "小学", "117.2", "31.8", "600", "07:50", "16:30", "否"),
            List.of("S2", "西山初中", "初中", "117.25", "31.85", "900", "07:40", "17:10", ""),
            List.of("S3", "南岭教学点", "九年一贯制", "117.3", "31.75", "", "08:00", "15:30", "是"));

    static final List<School> EXPECTED_SCHOOLS = List.of(
            new School("S1", "东风小学", SchoolLevel.PRIMARY, at(117.2, 31.8), 600, LocalTime.of(7, 50), LocalTime.of(16, 30), false),
            new School("S2", "西山初中", SchoolLevel.JUNIOR, at(117.25, 31.85), 900, LocalTime.of(7, 40), LocalTime.of(17, 10), false),
            new School("S3", "南岭教学点", SchoolLevel.NINE_YEAR, at(117.3, 31.75), 0, LocalTime.of(8, 0), LocalTime.of(15, 30), true));

    static final Map<String, School> SCHOOLS_BY_ID = EXPECTED_SCHOOLS.stream()
            .collect(Collectors.toMap(School::id, Function.identity()));

    static final List<List<String>> STUDENTS = List.of(
            List.of("student_id", "school_id", "grade", "lon", "lat", "wheelchair", "name"),
            List.of("P001", "S1", "3", "117.21", "31.81", "false", "不需要"),
            List.of("P002", "S2", "8", "117.26", "31.86", "1", ""),
            List.of("P003", "S3", "1", "117.31", "31.76", "", ""));

    static final List<List<String>> STUDENTS_CHINESE = List.of(
            List.of("学生编号", "学校编号", "年级", "经度", "纬度", "轮椅", "姓名"),
            List.of("P001", "S1", "3", "117.21", "31.81", "否", "张三"),
            List.of("P002", "S2", "8", "117.26", "31.86", "是", "李四"),
            List.of("P003", "S3", "1", "117.31", "31.76", "", "王五"));

    static final List<Student> EXPECTED_STUDENTS = List.of(
            new Student("P001", "S1", 3, at(117.21, 31.81), false),
            new Student("P002", "S2", 8, at(117.26, 31.86), true),
            new Student("P003", "S3", 1, at(117.31, 31.76), false));

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private List<School> schools(Path file) throws Exception {
        return RosterReader.readSchools(file, CoordinateSystem.WGS84, COUNTY);
    }

    private List<Student> students(Path file) throws Exception {
        return RosterReader.readStudents(file, CoordinateSystem.WGS84, COUNTY, SCHOOLS_BY_ID);
    }

    @Test
    void schoolsInEveryFormatAndEncodingImportEqually() throws Exception {
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.csv(dir, "utf8.csv", SCHOOLS)));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.csv(dir, "bom.csv", SCHOOLS, StandardCharsets.UTF_8, true, ',')));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.csv(dir, "gbk.csv", SCHOOLS, GBK, false, ',')));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.csv(dir, "gbk-zh.csv", SCHOOLS_CHINESE, GBK, false, ',')));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.csv(dir, "bom-zh.txt", SCHOOLS_CHINESE, StandardCharsets.UTF_8, true, ',')));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.csv(dir, "semicolon.csv", SCHOOLS, StandardCharsets.UTF_8, false, ';')));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.csv(dir, "tab.txt", SCHOOLS, GBK, false, '\t')));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.xlsx(dir, "schools.xlsx", SCHOOLS)));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.xlsx(dir, "schools-zh.xlsx", SCHOOLS_CHINESE)));
        assertEquals(EXPECTED_SCHOOLS, schools(RosterFiles.geoJson(dir, "schools.geojson", SCHOOLS)));
    }

    @Test
    void studentsInEveryFormatAndEncodingImportEqually() throws Exception {
        assertEquals(EXPECTED_STUDENTS, students(RosterFiles.csv(dir, "utf8.csv", STUDENTS)));
        assertEquals(EXPECTED_STUDENTS, students(RosterFiles.csv(dir, "bom.csv", STUDENTS, StandardCharsets.UTF_8, true, ',')));
        assertEquals(EXPECTED_STUDENTS, students(RosterFiles.csv(dir, "gbk-zh.csv", STUDENTS_CHINESE, GBK, false, ',')));
        assertEquals(EXPECTED_STUDENTS, students(RosterFiles.xlsx(dir, "students.xlsx", STUDENTS)));
        assertEquals(EXPECTED_STUDENTS, students(RosterFiles.xlsx(dir, "students-zh.xlsx", STUDENTS_CHINESE)));
        assertEquals(EXPECTED_STUDENTS, students(RosterFiles.geoJson(dir, "students.json", STUDENTS)));
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        List<List<String>> rows = List.of(
                List.of(" Student_ID", "SCHOOL_ID", "Grade", "Lon", "LAT"),
                List.of("P001", "S1", "3", "117.21", "31.81"));
        assertEquals(List.of(new Student("P001", "S1", 3, at(117.21, 31.81), false)),
                students(RosterFiles.csv(dir, "case.csv", rows)));
    }

    @Test
    void gcj02InputIsConvertedToWgs84() throws Exception {
        double[] gcj = ChinaDatumOffsets.wgs84ToGcj02(117.21, 31.81);
        List<List<String>> rows = List.of(
                List.of("student_id", "school_id", "grade", "lon", "lat"),
                List.of("P001", "S1", "3", Double.toString(gcj[0]), Double.toString(gcj[1])));
        List<Student> read = RosterReader.readStudents(RosterFiles.csv(dir, "gcj.csv", rows),
                CoordinateSystem.GCJ02, COUNTY, SCHOOLS_BY_ID);
        assertTrue(read.get(0).home().distance_m(at(117.21, 31.81)) < 0.01);
    }

    @Test
    void quotedCellsAndBlankLinesKeepLineNumbersExact() throws Exception {
        String csv = "student_id,school_id,grade,lon,lat,note\n"
                + "P001,S1,3,117.21,31.81,\"two\nlines\"\n"
                + "\n"
                + "P002,S1,9,117.21,31.81,\n";
        Path file = dir.resolve("quoted.csv");
        java.nio.file.Files.writeString(file, csv);
        ImportRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(ImportRejectedException.class,
                () -> students(file));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(5, e.problems().get(0).line());
        assertEquals("grade", e.problems().get(0).field());
    }
}
