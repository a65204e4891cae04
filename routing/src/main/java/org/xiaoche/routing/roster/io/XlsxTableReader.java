package org.xiaoche.routing.roster.io;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xiaoche.routing.timetable.ClockTime;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the first sheet of an XLSX workbook; row 1 is the header. Cells are turned into the text a
 * CSV export would hold, except that numbers keep full precision (display formats often round
 * coordinates) and time-formatted cells become HH:mm.
 * <p>
 * Streaming: the sheet's XML is read with POI's SAX event reader, one row in memory at a time (the
 * shared strings table is kept, as it must be), instead of loading the whole workbook.
 */
final class XlsxTableReader implements TableReader {

    private static final double SECONDS_PER_DAY = 86_400;

    @Override
    public void read(Path file, TableSink sink, ProblemList problems, ByteProgress progress) throws IOException {
        FileHead head = FileHead.of(file);
        if (head.isBlank()) {
            problems.fileProblem("empty-file", "the file is empty");
            return;
        }
        if (head.isEncryptedOoxml()) {
            problems.fileProblem("encrypted-workbook", "the file is a password-protected workbook; open it in Excel, remove the"
                    + " password and save it as .xlsx or CSV UTF-8");
            return;
        }
        if (head.isOle2()) {
            problems.fileProblem("xls-workbook", "the file is an old binary Excel (.xls) workbook; save it as .xlsx or CSV");
            return;
        }
        if (!head.isZip()) {
            problems.fileProblem("not-xlsx", "the file is not an XLSX workbook (an .xlsx file is a zip archive; this one is not)");
            return;
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable() == null ? new StylesTable() : reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                problems.fileProblem("xlsx-no-sheets", "the workbook has no sheets");
                return;
            }
            Rows rows = new Rows(sink, problems);
            try (InputStream sheet = progress.counted(sheets.next(), 0, 1, sheetSize(sheets))) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new PlainNumbers(), false));
                xml.parse(new InputSource(sheet));
            }
            rows.finish();
        } catch (Exception e) {
            progress.rethrowIfStopped();
            // POI signals a corrupt or non-spreadsheet zip with a variety of exception types.
            problems.fileProblem("xlsx-unreadable", "the file is not a readable XLSX workbook (damaged, encrypted or not a spreadsheet);"
                    + " open it in Excel and save it again as .xlsx without a password, or as CSV");
        }
    }

    /** The uncompressed size of the sheet {@code sheets} returned last, or -1 when the zip does not say. */
    private static long sheetSize(Iterator<InputStream> sheets) {
        try {
            return sheets instanceof XSSFReader.SheetIterator it ? it.getSheetPart().getSize() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Numbers at full precision, times of day as HH:mm; what the cell's display format would round is kept. */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString)) {
                // Only the time of day matters for bell and dismissal times.
                long seconds = Math.round((value - Math.floor(value)) * SECONDS_PER_DAY) % (long) SECONDS_PER_DAY;
                return ClockTime.hhmm(seconds);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Rows as the sheet's events give them: header first, each row's cells placed by column. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableSink sink;
        private final ProblemList problems;
        private final List<String> cells = new ArrayList<>();
        private int width = -1;
        private boolean refused;

        Rows(TableSink sink, ProblemList problems) {
            this.sink = sink;
            this.problems = problems;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            if (width < 0 && rowNum > 0 && !refused) {
                refuseHeader();
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (refused) {
                return;
            }
            if (width < 0) {
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (cells.isEmpty()) {
                    refuseHeader();
                    return;
                }
                width = cells.size();
                sink.header(1, List.copyOf(cells));
                return;
            }
            List<String> row = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                row.add(c < cells.size() ? cells.get(c) : "");
            }
            sink.row(rowNum + 1L, row);
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (width >= 0 && column >= width) {
                return; // beyond the header: ignored, as the workbook reader did
            }
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }

        void finish() {
            if (width < 0 && !refused) {
                refuseHeader();
            }
        }

        private void refuseHeader() {
            refused = true;
            problems.add(1, "", "xlsx-no-header", "row 1 of the first sheet must be the header, but it is empty");
        }
    }
}
