package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.roster.Student;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;

/** Students handed on in batches while the file is clean, progress by bytes, problem codes, full-width digits. */
class StreamStudentsTest {

    private static final List<String> HEADER = List.of("student_id", "school_id", "grade", "lon", "lat");

    @TempDir
    Path dir;

    private static List<List<String>> rows(int students) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < students; i++) {
            rows.add(List.of("P" + i, "S1", "3", "117.21", "31.81"));
        }
        return rows;
    }

    @Test
    void handsOnEveryStudentInBatchesInFileOrder() throws Exception {
        Path file = RosterFiles.csv(dir, "students.csv", rows(25_000));
        List<Integer> sizes = new ArrayList<>();
        List<String> firstIds = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        long count = RosterReader.streamStudents(file, CoordinateSystem.WGS84, COUNTY, RosterReaderFormatsTest.SCHOOLS_BY_ID,
                10_000, batch -> {
                    sizes.add(batch.size());
                    firstIds.add(batch.get(0).id());
                }, "reading students", (stage, fraction) -> {
                    assertEquals("reading students", stage);
                    fractions.add(fraction);
                });
        assertEquals(25_000, count);
        assertEquals(List.of(10_000, 10_000, 5_000), sizes);
        assertEquals(List.of("P0", "P10000", "P20000"), firstIds);
        assertTrue(!fractions.isEmpty() && fractions.stream().allMatch(f -> f > 0 && f <= 1), fractions.toString());
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
        }
    }

    @Test
    void aProblemStopsTheBatchesAndRejectsTheFileWithItsCode() throws Exception {
        List<List<String>> rows = rows(25_000);
        rows.set(15_000, List.of("P0", "S1", "3", "117.21", "31.81")); // file line 15001 repeats line 2
        Path file = RosterFiles.csv(dir, "students.csv", rows);
        List<Student> handed = new ArrayList<>();
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.streamStudents(file,
                CoordinateSystem.WGS84, COUNTY, RosterReaderFormatsTest.SCHOOLS_BY_ID, 10_000, handed::addAll, "s",
                (stage, fraction) -> { }));
        assertEquals(10_000, handed.size(), "only the batch before the problem was handed on");
        ImportProblem p = e.problems().get(0);
        assertEquals("duplicate-id", p.code());
        assertEquals(List.of("P0", "2", "15001"), p.args());
        assertEquals(15_001, p.line());
    }

    @Test
    void aListenerThatStopsTheWorkIsNotTakenForABadFile() throws Exception {
        Path file = RosterFiles.csv(dir, "students.csv", rows(50_000));
        class Stop extends RuntimeException { }
        assertThrows(Stop.class, () -> RosterReader.streamStudents(file, CoordinateSystem.WGS84, COUNTY,
                RosterReaderFormatsTest.SCHOOLS_BY_ID, 1000, batch -> { }, "s", (stage, fraction) -> {
                    throw new Stop();
                }));
    }

    @Test
    void fullWidthDigitsReadAsTheNumbersTheyShow() throws Exception {
        Path file = RosterFiles.csv(dir, "students.csv", List.of(HEADER, List.of("P1", "S1", "３", "１１７．２１", "３１．８１")));
        List<Student> students = RosterReader.readStudents(file, CoordinateSystem.WGS84, COUNTY, RosterReaderFormatsTest.SCHOOLS_BY_ID);
        assertEquals(3, students.get(0).grade());
        assertEquals(117.21, students.get(0).home().lon(), 1e-9);
    }
}
