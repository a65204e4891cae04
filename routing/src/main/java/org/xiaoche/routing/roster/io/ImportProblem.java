package org.xiaoche.routing.roster.io;

import java.util.List;
import java.util.Objects;

/**
 * One reason a roster file was rejected.
 *
 * @param file   the file's name (no directory)
 * @param line   where: the 1-based file line for CSV (the header is line 1), the 1-based row number
 *               for XLSX, the 1-based feature number for GeoJSON; 0 means the file as a whole
 * @param field  the column as written in the file's header (or its canonical name when the column
 *               is missing); empty when the problem is not about one column
 * @param reason what is wrong, in words a planner can act on (English). Never contains student home coordinates.
 * @param code   the kind of problem, stable across versions (e.g. {@code value-empty}), so a user interface can
 *               say it in its own language with {@code args}
 * @param args   the values the reason names, in the order a translation of {@code code} takes them
 */
public record ImportProblem(String file, long line, String field, String reason, String code, List<String> args) {
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return field.isEmpty() ? where + ": " + reason : where + " [" + field + "]: " + reason;
    }
}
