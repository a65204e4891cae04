package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;

/**
 * Each kind of bad student row is reported with its line, column and a reason, and no reason or
 * message ever contains the home coordinates given.
 */
class StudentValidationTest {

    private static final List<String> HEADER = List.of("student_id", "school_id", "grade", "lon", "lat", "wheelchair");
    private static final List<String> GOOD = List.of("P001", "S1", "3", "117.21", "31.81", "0");

    @TempDir
    Path dir;

    private ImportRejectedException reject(List<List<String>> rows) {
        return assertThrows(ImportRejectedException.class, () -> RosterReader.readStudents(
                RosterFiles.csv(dir, "students.csv", rows), CoordinateSystem.WGS84, COUNTY,
                RosterReaderFormatsTest.SCHOOLS_BY_ID));
    }

    /** Header, GOOD on line 2, {@code bad} on line 3; exactly one problem, with no coordinate in it. */
    private ImportProblem onlyProblem(List<String> bad) {
        ImportRejectedException e = reject(List.of(HEADER, GOOD, bad));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertNoHomeCoordinate(e.getMessage(), bad);
        return e.problems().get(0);
    }

    private static List<String> with(String column, String value) {
        List<String> row = new ArrayList<>(GOOD);
        row.set(0, "P009");
        row.set(HEADER.indexOf(column), value);
        return row;
    }

    private static void assertProblem(ImportProblem p, long line, String field, String reasonPart) {
        assertEquals(line, p.line(), p.toString());
        assertEquals(field, p.field(), p.toString());
        assertTrue(p.reason().contains(reasonPart), p.toString());
    }

    private static void assertNoHomeCoordinate(String text, List<String> row) {
        for (String coordinate : List.of(row.get(3), row.get(4))) {
            if (!coordinate.isEmpty()) {
                assertFalse(text.contains(coordinate), "home coordinate leaked: " + text);
            }
        }
    }

    @Test
    void missingRequiredColumnIsReportedOnceOnLineOne() {
        List<String> header = List.of("student_id", "school_id", "year", "lon", "lat", "wheelchair");
        ImportRejectedException e = reject(List.of(header, GOOD, with("school_id", "S2")));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), 1, "grade", "required column is missing");
    }

    @Test
    void emptyRequiredValue() {
        assertProblem(onlyProblem(with("school_id", "")), 3, "school_id", "required value is empty");
        assertProblem(onlyProblem(with("lat", "")), 3, "lat", "required value is empty");
    }

    @Test
    void nonNumberCoordinateDoesNotEchoTheValue() {
        ImportProblem p = onlyProblem(with("lat", "31.81N"));
        assertProblem(p, 3, "lat", "not a number");
        assertFalse(p.reason().contains("31.81"));
    }

    @Test
    void swappedLatLon() {
        List<String> row = with("lon", "31.81");
        row.set(HEADER.indexOf("lat"), "117.21");
        assertProblem(onlyProblem(row), 3, "lat", "look swapped");
    }

    @Test
    void outOfRange() {
        assertProblem(onlyProblem(with("lon", "-181.5")), 3, "lon", "outside -180..180");
    }

    @Test
    void outsideTheNetworkArea() {
        assertProblem(onlyProblem(with("lon", "116.21")), 3, "lon/lat", "outside the road network's area");
    }

    @Test
    void duplicateIdNamesBothLines() {
        assertProblem(onlyProblem(new ArrayList<>(GOOD)), 3, "student_id", "duplicate student id 'P001' (lines 2 and 3)");
    }

    @Test
    void unknownSchool() {
        assertProblem(onlyProblem(with("school_id", "S404")), 3, "school_id", "unknown school id 'S404'");
    }

    @Test
    void gradeOutOfRangeOrNotTaughtAtTheSchool() {
        assertProblem(onlyProblem(with("grade", "10")), 3, "grade", "out of range 0–9");
        assertProblem(onlyProblem(with("grade", "three")), 3, "grade", "not a whole number");
        // S1 is a primary school: grades 1–6.
        assertProblem(onlyProblem(with("grade", "8")), 3, "grade", "grade 8 is not taught at school 'S1' (primary, grades 1–6)");
        assertProblem(onlyProblem(with("grade", "0")), 3, "grade", "not taught");
    }

    @Test
    void badWheelchairFlag() {
        assertProblem(onlyProblem(with("wheelchair", "sometimes")), 3, "wheelchair", "not yes/no");
    }

    @Test
    void outOfRangeGcj02LatitudeDoesNotEchoTheValue() {
        // Reported as out of range, but without the value: it is a home location.
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readStudents(
                RosterFiles.csv(dir, "gcj.csv", List.of(HEADER, with("lat", "95.123"))), CoordinateSystem.GCJ02,
                COUNTY, RosterReaderFormatsTest.SCHOOLS_BY_ID));
        assertFalse(e.getMessage().contains("95.123"), e.getMessage());
    }

    @Test
    void overLongIdsAreRefusedNamingTheLineWithoutEchoingThem() {
        String longId = "P".repeat(5_000);
        ImportProblem p = onlyProblem(with("student_id", longId));
        assertProblem(p, 3, "student_id", "id is 5000 characters long; at most 64 allowed");
        assertFalse(p.reason().contains(longId), p.toString());
        assertProblem(onlyProblem(with("school_id", "S".repeat(65))), 3, "school_id", "at most 64 allowed");
        // 64 characters, counted as characters not bytes, are fine.
        List<String> chinese = with("student_id", "学".repeat(64));
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> RosterReader.readStudents(
                RosterFiles.csv(dir, "ok.csv", List.of(HEADER, GOOD, chinese)), CoordinateSystem.WGS84, COUNTY,
                RosterReaderFormatsTest.SCHOOLS_BY_ID));
    }

    @Test
    void longBadValuesAreCutInTheReason() {
        ImportProblem p = onlyProblem(with("grade", "9".repeat(3_000) + "x"));
        assertProblem(p, 3, "grade", "(3001 characters) is not a whole number");
        assertTrue(p.reason().length() < 120, p.toString());
    }
}
