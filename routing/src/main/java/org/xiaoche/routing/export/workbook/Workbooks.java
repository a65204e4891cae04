package org.xiaoche.routing.export.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One XLSX workbook being written: bold header rows, text cells that are never formulas
 * ({@link SpreadsheetText}), numbers as numbers, sheet names made valid and unique. Every workbook
 * export writes through it, so the formula rule lives in one place.
 */
public final class Workbooks implements AutoCloseable {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle quoted;
    private final Set<String> sheetNames = new HashSet<>();

    public Workbooks() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
    }

    /** A new sheet named {@code name} (cut to Excel's 31 characters, invalid characters replaced, numbered when repeated). */
    public Sheet sheet(String name) {
        String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "sheet" : name, '_');
        String candidate = base;
        for (int i = 2; !sheetNames.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return workbook.createSheet(candidate);
    }

    /** A bold row of headers at {@code rowIndex}. */
    public void headerRow(Sheet sheet, int rowIndex, List<String> headers) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(header);
        }
    }

    /**
     * A row of values: {@code String} as text (quote-prefixed when it looks like a formula),
     * {@code Number} as a number, null as an empty cell.
     */
    public void row(Sheet sheet, int rowIndex, List<?> values) {
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                String text = value.toString();
                cell.setCellValue(text);
                if (SpreadsheetText.looksLikeFormula(text)) {
                    cell.setCellStyle(quoted);
                }
            }
        }
    }

    /** Column widths to fit the text, roughly (two units per CJK character). */
    public void fitColumns(Sheet sheet, int columns) {
        for (int c = 0; c < columns; c++) {
            int width = 8;
            for (Row row : sheet) {
                Cell cell = row.getCell(c);
                if (cell != null) {
                    String text = cell.toString();
                    int w = 0;
                    for (int k = 0; k < text.length(); k++) {
                        w += text.charAt(k) > 0x2E80 ? 2 : 1;
                    }
                    width = Math.max(width, Math.min(60, w + 2));
                }
            }
            sheet.setColumnWidth(c, width * 256);
        }
    }

    public void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
