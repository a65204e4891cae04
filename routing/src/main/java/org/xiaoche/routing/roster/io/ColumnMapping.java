package org.xiaoche.routing.roster.io;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each known column sits in one file's header. Unknown headers are ignored (rosters often
 * carry extra columns such as names, which this project never needs).
 */
final class ColumnMapping {

    private final Map<Column, Integer> index = new EnumMap<>(Column.class);
    private final Map<Column, String> label = new EnumMap<>(Column.class);

    private ColumnMapping() {
    }

    /**
     * Maps {@code header}; reports each missing required column and each column given twice, once,
     * at {@code headerLine}.
     */
    static ColumnMapping of(List<String> header, Set<Column> required, Set<Column> optional,
                            ProblemList problems, long headerLine) {
        ColumnMapping m = new ColumnMapping();
        Set<Column> known = union(required, optional);
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").strip();
            int position = i;
            Column.named(raw, known).ifPresent(c -> {
                if (m.index.containsKey(c)) {
                    problems.add(headerLine, raw, "column-twice", "column " + c.canonical() + " appears twice (as '"
                            + m.label.get(c) + "' and '" + raw + "')", c.canonical(), m.label.get(c), raw);
                } else {
                    m.index.put(c, position);
                    m.label.put(c, raw);
                }
            });
        }
        for (Column c : required) {
            if (!m.index.containsKey(c)) {
                problems.add(headerLine, c.canonical(), "column-missing", "required column is missing (accepted header names: "
                        + String.join(", ", c.names()) + ")", String.join(", ", c.names()));
            }
        }
        return m;
    }

    boolean isPresent(Column c) {
        return index.containsKey(c);
    }

    /** The value of {@code c} in {@code cells}, stripped; empty when absent or blank. */
    String value(Column c, List<String> cells) {
        Integer i = index.get(c);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return "";
        }
        return cells.get(i).strip();
    }

    /** The column's header as written in the file, or its canonical name when absent. */
    String label(Column c) {
        return label.getOrDefault(c, c.canonical());
    }

    private static Set<Column> union(Set<Column> a, Set<Column> b) {
        EnumSet<Column> all = EnumSet.noneOf(Column.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
