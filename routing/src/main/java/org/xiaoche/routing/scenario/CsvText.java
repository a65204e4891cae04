package org.xiaoche.routing.scenario;

/** One text cell of the scenario CSV files. */
final class CsvText {

    private CsvText() {
    }

    /** Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs the text as a formula. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
