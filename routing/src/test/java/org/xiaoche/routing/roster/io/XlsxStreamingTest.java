package org.xiaoche.routing.roster.io;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A workbook far larger than memory would hold as a whole is read in a JVM with a 64 MB heap: the sheet
 * is streamed row by row (loading the workbook whole needs several times that heap for these rows).
 */
class XlsxStreamingTest {

    static final int ROWS = 60_000;

    @TempDir
    Path dir;

    @Test
    void aLargeWorkbookIsReadInASmallHeap() throws Exception {
        Path file = dir.resolve("students.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("学生");
            String[] header = {"student_id", "school_id", "grade", "lon", "lat", "wheelchair"};
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("P" + (1_000_000 + r));
                row.createCell(1).setCellValue("S3");
                row.createCell(2).setCellValue(1 + r % 9);
                row.createCell(3).setCellValue(117.2 + (r % 1000) * 1e-5);
                row.createCell(4).setCellValue(31.8 + (r % 997) * 1e-5);
                row.createCell(5).setCellValue(r % 50 == 0);
            }
            workbook.write(out);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), Reader.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), output);
        assertEquals(Integer.toString(ROWS), output.strip().lines().reduce((a, b) -> b).orElse(""), output);
    }

    /** Main of the child JVM: reads the students and prints how many. */
    public static final class Reader {
        public static void main(String[] args) throws Exception {
            var students = RosterReader.readStudents(Path.of(args[0]), CoordinateSystem.WGS84, RosterFiles.COUNTY,
                    RosterReaderFormatsTest.SCHOOLS_BY_ID);
            System.out.println(students.size());
        }
    }
}
