package org.xiaoche.routing.roster.io;

import java.util.Objects;

/**
 * One reason a roster file was rejected.
 *
 * @param file   the file's name (no directory)
 * @param line   where: the 1-based file line for CSV (the header is line 1), the 1-based row number
 *               for XLSX, the 1-based feature number for GeoJSON; 0 means the file as a whole
 * @param field  the column as written in the file's header (or its canonical name when the column
 *               is missing); empty when the problem is not about one column
 * @param reason what is wrong, in words a planner can act on. Never contains student home coordinates.
 */
public record ImportProblem(String file, long line, String field, String reason) {
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return field.isEmpty() ? where + ": " + reason : where + " [" + field + "]: " + reason;
    }
}
