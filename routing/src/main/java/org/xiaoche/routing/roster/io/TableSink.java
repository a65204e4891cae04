package org.xiaoche.routing.roster.io;

import java.util.List;

/** Receives a table as a format reader produces it: the header once, then data rows in order. */
interface TableSink {

    /** The header's cells as written; called once, before any row. */
    void header(long line, List<String> names);

    /** One data row; {@code cells} are positioned like the header (may be shorter). */
    void row(long line, List<String> cells);
}
