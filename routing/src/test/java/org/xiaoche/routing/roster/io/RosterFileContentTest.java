package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;

/** Files that are not rosters at all, and whole-file all-or-nothing behaviour. */
class RosterFileContentTest {

    @TempDir
    Path dir;

    private ImportProblem fileProblem(Path file) {
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> RosterReader.readSchools(file, CoordinateSystem.WGS84, COUNTY));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertReason(ImportProblem p, String part) {
        assertTrue(p.reason().contains(part), p.toString());
    }

    @Test
    void emptyFilesInEveryFormat() throws IOException {
        assertReason(fileProblem(write("empty.csv", new byte[0])), "empty");
        assertReason(fileProblem(write("bom-only.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'})), "empty");
        assertReason(fileProblem(write("empty.xlsx", new byte[0])), "empty");
        assertReason(fileProblem(write("empty.geojson", "  \n".getBytes(StandardCharsets.UTF_8))), "empty");
        assertEquals(0, fileProblem(write("empty2.csv", new byte[0])).line());
    }

    @Test
    void headerWithoutRowsIsRejected() throws IOException {
        Path file = RosterFiles.csv(dir, "header.csv", List.of(RosterReaderFormatsTest.SCHOOLS.get(0)));
        assertReason(fileProblem(file), "header but no schools");
    }

    @Test
    void binaryContentIsRejected() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertReason(fileProblem(write("garbage.csv", garbage)), "binary");
        assertReason(fileProblem(write("garbage.geojson", garbage)), "binary");
        assertReason(fileProblem(write("garbage.xlsx", garbage)), "not an XLSX workbook");
    }

    @Test
    void nulByteFarIntoAnOtherwiseTextFileIsRejected() throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", RosterReaderFormatsTest.SCHOOLS.get(0))).append('\n');
        while (sb.length() < 200_000) {
            sb.append("S1,name,primary,117.2,31.8,1,07:50,16:30,false\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        bytes[150_000] = 0;
        assertReason(fileProblem(write("nul.csv", bytes)), "NUL byte at byte 150000");
    }

    @Test
    void textThatIsNeitherUtf8NorGbkIsRejected() throws IOException {
        byte[] bytes = "school_id,name\nS1,\u00ff\u00ff\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        assertReason(fileProblem(write("latin.csv", bytes)), "not valid UTF-8 or GBK");
    }

    @Test
    void spreadsheetsUnderTheWrongNameAreRecognised() throws IOException {
        Path xlsx = RosterFiles.xlsx(dir, "real.xlsx", RosterReaderFormatsTest.SCHOOLS);
        assertReason(fileProblem(Files.copy(xlsx, dir.resolve("renamed.csv"))), "zip archive");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertReason(fileProblem(write("old.xlsx", ole2)), ".xls");
        assertReason(fileProblem(write("old.xls", ole2)), ".xls");
        assertReason(fileProblem(write("text.xlsx", "school_id,name\n".getBytes(StandardCharsets.UTF_8))), "not an XLSX");
        assertReason(fileProblem(write("broken.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3})), "not a readable XLSX");
    }

    @Test
    void textWithoutLineBreaksIsRejected() throws IOException {
        byte[] oneLine = "a,".repeat(1_500_000).getBytes(StandardCharsets.UTF_8);
        assertReason(fileProblem(write("one-line.csv", oneLine)), "first line is longer than");
    }

    @Test
    void unsupportedExtension() throws IOException {
        assertReason(fileProblem(write("schools.pdf", "x".getBytes(StandardCharsets.UTF_8))), "unsupported file type 'pdf'");
    }

    @Test
    void malformedCsvQuoting() throws IOException {
        String csv = String.join(",", RosterReaderFormatsTest.SCHOOLS.get(0)) + "\n"
                + "S1,\"unclosed,primary,117.2,31.8,1,07:50,16:30,false\n";
        ImportProblem p = fileProblem(write("quotes.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, p.line(), p.toString());
        assertReason(p, "malformed CSV");
    }

    @Test
    void geoJsonThatIsNotAPointCollection() throws IOException {
        assertReason(fileProblem(write("x.geojson", "[1,2]".getBytes(StandardCharsets.UTF_8))), "not a GeoJSON object");
        assertReason(fileProblem(write("y.geojson", "{\"type\":\"Feature\"}".getBytes(StandardCharsets.UTF_8))),
                "not a GeoJSON FeatureCollection");
        assertReason(fileProblem(write("z.geojson", "{\"type\": \"FeatureCollection\", ".getBytes(StandardCharsets.UTF_8))),
                "not valid JSON");
        String line = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"LineString\",\"coordinates\":[[117.2,31.8],[117.3,31.9]]},\"properties\":{}}]}";
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readSchools(
                write("line.geojson", line.getBytes(StandardCharsets.UTF_8)), CoordinateSystem.WGS84, COUNTY));
        assertTrue(e.problems().stream().anyMatch(p -> p.line() == 1 && p.field().equals("geometry")), e.getMessage());
    }

    @Test
    void geoJsonProblemsUseFeatureNumbers() throws IOException {
        List<List<String>> rows = new ArrayList<>(RosterReaderFormatsTest.SCHOOLS);
        List<String> bad = new ArrayList<>(rows.get(2));
        bad.set(2, "university");
        rows.set(2, bad);
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readSchools(
                RosterFiles.geoJson(dir, "bad.geojson", rows), CoordinateSystem.WGS84, COUNTY));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(2, e.problems().get(0).line());
        assertEquals("level", e.problems().get(0).field());
    }

    @Test
    void xlsxProblemsUseRowNumbers() throws IOException {
        List<List<String>> rows = new ArrayList<>(RosterReaderFormatsTest.SCHOOLS);
        List<String> bad = new ArrayList<>(rows.get(3));
        bad.set(3, "217.3");
        rows.set(3, bad);
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readSchools(
                RosterFiles.xlsx(dir, "bad.xlsx", rows), CoordinateSystem.WGS84, COUNTY));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(4, e.problems().get(0).line());
        assertEquals("lon", e.problems().get(0).field());
    }

    @Test
    void oneBadRowAmongManyRejectsTheWholeFile() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("student_id", "school_id", "grade", "lon", "lat"));
        for (int i = 0; i < 2_000; i++) {
            rows.add(List.of("P" + i, "S3", i == 1_234 ? "12" : "5", "117.5", "31.5"));
        }
        Path file = RosterFiles.csv(dir, "many.csv", rows);
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readStudents(
                file, CoordinateSystem.WGS84, COUNTY, RosterReaderFormatsTest.SCHOOLS_BY_ID));
        assertEquals(1, e.totalProblems());
        assertEquals(1_236, e.problems().get(0).line()); // header + 1,234 good rows before it
        assertEquals("grade", e.problems().get(0).field());
    }

    @Test
    void problemListIsCappedButCounted() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("student_id", "school_id", "grade", "lon", "lat"));
        for (int i = 0; i < 3_000; i++) {
            rows.add(List.of("P" + i, "S404", "5", "117.5", "31.5"));
        }
        Path file = RosterFiles.csv(dir, "bad.csv", rows);
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readStudents(
                file, CoordinateSystem.WGS84, COUNTY, RosterReaderFormatsTest.SCHOOLS_BY_ID));
        assertEquals(3_000, e.totalProblems());
        assertEquals(ProblemList.MAX_KEPT, e.problems().size());
        assertTrue(e.getMessage().contains("3000 problems"), e.getMessage());
        assertTrue(e.getMessage().endsWith("... and 2980 more"), e.getMessage());
        assertEquals(ImportRejectedException.PROBLEMS_IN_MESSAGE + 2, e.getMessage().split("\n").length);
    }
}
