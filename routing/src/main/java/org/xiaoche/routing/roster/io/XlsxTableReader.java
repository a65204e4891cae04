package org.xiaoche.routing.roster.io;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xiaoche.routing.timetable.ClockTime;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first sheet of an XLSX workbook; row 1 is the header. Cells are turned into the text a
 * CSV export would hold, except that numbers keep full precision (display formats often round
 * coordinates) and time-formatted cells become HH:mm.
 */
final class XlsxTableReader implements TableReader {

    private static final double SECONDS_PER_DAY = 86_400;

    @Override
    public void read(Path file, TableSink sink, ProblemList problems) throws IOException {
        FileHead head = FileHead.of(file);
        if (head.isBlank()) {
            problems.fileProblem("the file is empty");
            return;
        }
        if (head.isOle2()) {
            problems.fileProblem("the file is an old binary Excel (.xls) workbook; save it as .xlsx or CSV");
            return;
        }
        if (!head.isZip()) {
            problems.fileProblem("the file is not an XLSX workbook (an .xlsx file is a zip archive; this one is not)");
            return;
        }
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (Exception e) {
            // POI signals a corrupt or non-spreadsheet zip with a variety of exception types.
            problems.fileProblem("the file is not a readable XLSX workbook (" + e.getClass().getSimpleName() + ")");
            return;
        }
        try (workbook) {
            if (workbook.getNumberOfSheets() == 0) {
                problems.fileProblem("the workbook has no sheets");
                return;
            }
            readSheet(workbook.getSheetAt(0), sink, problems);
        }
    }

    private static void readSheet(Sheet sheet, TableSink sink, ProblemList problems) {
        Row headerRow = sheet.getRow(0);
        if (headerRow == null || headerRow.getLastCellNum() <= 0) {
            problems.add(1, "", "row 1 of the first sheet must be the header, but it is empty");
            return;
        }
        int width = headerRow.getLastCellNum();
        sink.header(1, cells(headerRow, width));
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                sink.row(r + 1L, cells(row, width));
            }
        }
    }

    private static List<String> cells(Row row, int width) {
        List<String> out = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            out.add(text(row.getCell(c)));
        }
        return out;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC:
                double v = cell.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(cell)) {
                    // Only the time of day matters for bell and dismissal times.
                    long seconds = Math.round((v - Math.floor(v)) * SECONDS_PER_DAY) % (long) SECONDS_PER_DAY;
                    return ClockTime.hhmm(seconds);
                }
                return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            default:
                return "";
        }
    }
}
