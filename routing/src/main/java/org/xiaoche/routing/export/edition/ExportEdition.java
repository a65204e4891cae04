package org.xiaoche.routing.export.edition;

import java.util.Locale;

/**
 * Who an export is for. Operators get stops, times to the minute and routes only: no student ids,
 * homes or counts. Planners also get counts of students, and the riders lists for schools.
 */
public enum ExportEdition {
    OPERATOR, PLANNER;

    /** {@code operator} or {@code planner}, any case. */
    public static ExportEdition parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown edition '" + text + "' (operator or planner)");
        }
    }

    public boolean seesStudentCounts() {
        return this == PLANNER;
    }
}
