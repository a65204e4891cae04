package org.xiaoche.routing.export.workbook;

/**
 * Text that a spreadsheet must show, never evaluate: a cell beginning with {@code =}, {@code +},
 * {@code -} or {@code @} (or a tab or carriage return, which some programs strip first) would be
 * read as a formula. In XLSX such text is written as a quote-prefixed string cell; in CSV it gets a
 * leading apostrophe, as the OWASP advice on CSV injection recommends.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** True when a spreadsheet would read {@code text} as a formula. */
    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** {@code text} as a CSV field: prefixed with an apostrophe when it looks like a formula. */
    public static String forCsv(String text) {
        return looksLikeFormula(text) ? "'" + text : text == null ? "" : text;
    }
}
