package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.roster.Student;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;

/** A county-sized upload far beyond any real roster must neither exhaust memory nor hang. */
class LargeRosterTest {

    private static final long TARGET_BYTES = 50L * 1024 * 1024;

    @TempDir
    Path dir;

    /** A bound against hangs and quadratic reading (minutes), not a speed measurement: speed is benchmarked. */
    private static final Duration HANG_BOUND = Duration.ofSeconds(120);

    @Test
    void fiftyMegabyteStudentCsvImportsInBoundedTime() throws IOException {
        Path file = dir.resolve("students.csv");
        long rows = writeStudents(file, "S3");
        List<Student> students = assertTimeoutPreemptively(HANG_BOUND, () -> RosterReader.readStudents(
                file, CoordinateSystem.WGS84, COUNTY, RosterReaderFormatsTest.SCHOOLS_BY_ID));
        assertEquals(rows, students.size());
        assertTrue(rows > 1_000_000, "rows " + rows);
    }

    @Test
    void fiftyMegabyteCsvWithEveryRowBadIsRejectedWithACountedList() throws IOException {
        Path file = dir.resolve("students.csv");
        long rows = writeStudents(file, "S404");
        ImportRejectedException e = assertTimeoutPreemptively(HANG_BOUND, () -> assertThrows(
                ImportRejectedException.class, () -> RosterReader.readStudents(file, CoordinateSystem.WGS84, COUNTY,
                        RosterReaderFormatsTest.SCHOOLS_BY_ID)));
        assertEquals(rows, e.totalProblems());
        assertEquals(ProblemList.MAX_KEPT, e.problems().size());
    }

    /** Writes about 50 MB of student rows at {@code schoolId}; returns the number of data rows. */
    private static long writeStudents(Path file, String schoolId) throws IOException {
        long rows = 0;
        Random random = new Random(42);
        StringBuilder line = new StringBuilder(64);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("student_id,school_id,grade,lon,lat,wheelchair\n");
            long written = 0;
            while (written < TARGET_BYTES) {
                // String.format is too slow for a million rows; build the fixed-point text by hand.
                line.setLength(0);
                line.append('P').append(10_000_000 + rows).append(',').append(schoolId).append(',')
                        .append(1 + random.nextInt(9)).append(",117.").append(100_000 + random.nextInt(900_000))
                        .append(",31.").append(100_000 + random.nextInt(900_000))
                        .append(random.nextInt(50) == 0 ? ",1\n" : ",0\n");
                w.append(line);
                written += line.length();
                rows++;
            }
        }
        return rows;
    }

    @Test
    void fiftyMegabytesOfBinaryAreRejectedQuickly() throws IOException {
        Path file = dir.resolve("students.csv");
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
        }
        ImportRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(
                ImportRejectedException.class, () -> RosterReader.readStudents(file, CoordinateSystem.WGS84, COUNTY,
                        RosterReaderFormatsTest.SCHOOLS_BY_ID)));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }
}
