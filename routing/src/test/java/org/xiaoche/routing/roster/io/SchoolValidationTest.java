package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;

/** Each kind of bad school row is reported with its line, column and a reason. */
class SchoolValidationTest {

    private static final List<String> HEADER = RosterReaderFormatsTest.SCHOOLS.get(0);
    private static final List<String> GOOD = RosterReaderFormatsTest.SCHOOLS.get(1);

    @TempDir
    Path dir;

    /** Imports the header, one good row (line 2) and {@code bad} (line 3); expects exactly one problem. */
    private ImportProblem onlyProblem(List<String> bad) {
        ImportRejectedException e = reject(List.of(HEADER, GOOD, bad));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(1, e.totalProblems());
        ImportProblem p = e.problems().get(0);
        assertEquals("schools.csv", p.file());
        return p;
    }

    private ImportRejectedException reject(List<List<String>> rows) {
        return assertThrows(ImportRejectedException.class, () -> RosterReader.readSchools(
                RosterFiles.csv(dir, "schools.csv", rows), CoordinateSystem.WGS84, COUNTY));
    }

    /** GOOD with a different id and {@code column} set to {@code value}. */
    private static List<String> with(String column, String value) {
        List<String> row = new ArrayList<>(GOOD);
        row.set(0, "S9");
        row.set(HEADER.indexOf(column), value);
        return row;
    }

    private static void assertProblem(ImportProblem p, long line, String field, String reasonPart) {
        assertEquals(line, p.line(), p.toString());
        assertEquals(field, p.field(), p.toString());
        assertTrue(p.reason().contains(reasonPart), p.toString());
    }

    @Test
    void missingRequiredColumnIsReportedOnceOnLineOne() {
        List<String> header = new ArrayList<>(HEADER);
        header.set(header.indexOf("level"), "stage");
        ImportRejectedException e = reject(List.of(header, GOOD, with("name", "另一所")));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), 1, "level", "required column is missing");
        assertTrue(e.problems().get(0).reason().contains("学段"));
    }

    @Test
    void columnGivenTwiceIsReported() {
        List<String> header = new ArrayList<>(HEADER);
        header.add("学校名称");
        List<String> row = new ArrayList<>(GOOD);
        row.add("x");
        ImportRejectedException e = reject(List.of(header, row));
        assertProblem(e.problems().get(0), 1, "学校名称", "appears twice");
    }

    @Test
    void emptyRequiredValue() {
        assertProblem(onlyProblem(with("name", "")), 3, "name", "required value is empty");
    }

    @Test
    void nonNumberCoordinate() {
        assertProblem(onlyProblem(with("lon", "E117.2")), 3, "lon", "'E117.2' is not a number");
    }

    @Test
    void swappedLatLon() {
        List<String> row = with("lat", "117.2");
        row.set(HEADER.indexOf("lon"), "31.8");
        assertProblem(onlyProblem(row), 3, "lat", "look swapped");
    }

    @Test
    void swappedLatLonBothInRangeIsRecognisedByTheArea() throws Exception {
        // In the far west both readings are valid numbers; only the area tells them apart.
        org.xiaoche.routing.roster.NetworkArea west = p -> p.lon() >= 80 && p.lon() <= 90 && p.lat() >= 30 && p.lat() <= 40;
        List<String> swapped = new ArrayList<>(GOOD);
        swapped.set(HEADER.indexOf("lon"), "35.5");
        swapped.set(HEADER.indexOf("lat"), "85.5");
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readSchools(
                RosterFiles.csv(dir, "west.csv", List.of(HEADER, swapped)), CoordinateSystem.WGS84, west));
        assertProblem(e.problems().get(0), 2, "lat", "look swapped");
        // When neither reading is inside, it is simply outside.
        swapped.set(HEADER.indexOf("lat"), "75.5");
        e = assertThrows(ImportRejectedException.class, () -> RosterReader.readSchools(
                RosterFiles.csv(dir, "west.csv", List.of(HEADER, swapped)), CoordinateSystem.WGS84, west));
        assertProblem(e.problems().get(0), 2, "lon/lat", "outside the road network's area");
    }

    @Test
    void outOfRangeCoordinate() {
        assertProblem(onlyProblem(with("lon", "217.2")), 3, "lon", "outside -180..180");
        assertProblem(onlyProblem(with("lat", "-95")), 3, "lat", "outside -90..90");
    }

    @Test
    void pointOutsideTheNetworkArea() {
        ImportProblem p = onlyProblem(with("lon", "119.5"));
        assertProblem(p, 3, "lon/lat", "outside the road network's area");
        // School locations are public; showing them helps the planner find the mistake.
        assertTrue(p.reason().contains("119.5"), p.reason());
    }

    @Test
    void duplicateIdNamesBothLines() {
        List<String> again = new ArrayList<>(GOOD);
        assertProblem(onlyProblem(again), 3, "school_id", "duplicate school id 'S1' (lines 2 and 3)");
    }

    @Test
    void badTimes() {
        assertProblem(onlyProblem(with("bell_time", "7.50")), 3, "bell_time", "not a time of day");
        assertProblem(onlyProblem(with("dismissal_time", "25:10")), 3, "dismissal_time", "not a time of day");
        assertProblem(onlyProblem(with("dismissal_time", "07:00")), 3, "dismissal_time", "is not after bell time");
    }

    @Test
    void badLevel() {
        assertProblem(onlyProblem(with("level", "high school")), 3, "level", "'high school' is not a school level");
    }

    @Test
    void badCapacityAndTeachingPoint() {
        assertProblem(onlyProblem(with("capacity", "many")), 3, "capacity", "not a whole number");
        assertProblem(onlyProblem(with("capacity", "-5")), 3, "capacity", "out of range");
        assertProblem(onlyProblem(with("teaching_point", "maybe")), 3, "teaching_point", "not yes/no");
    }

    @Test
    void everyProblemOfEveryRowIsCollected() {
        List<String> row = with("level", "college");
        row.set(HEADER.indexOf("bell_time"), "late");
        List<String> noName = with("name", "");
        noName.set(0, "S8");
        ImportRejectedException e = reject(List.of(HEADER, row, noName));
        assertEquals(3, e.totalProblems(), e.getMessage());
        assertEquals(List.of(2L, 2L, 3L), e.problems().stream().map(ImportProblem::line).toList());
        assertTrue(e.getMessage().startsWith("schools.csv was rejected, nothing was imported: 3 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("schools.csv:2 [level]: 'college' is not a school level"), e.getMessage());
    }

    @Test
    void overLongIdOrNameIsRefusedNamingTheLine() {
        assertProblem(onlyProblem(with("school_id", "S".repeat(5_000))), 3, "school_id",
                "id is 5000 characters long; at most 64 allowed");
        assertProblem(onlyProblem(with("name", "学".repeat(201))), 3, "name",
                "name is 201 characters long; at most 200 allowed");
    }
}
