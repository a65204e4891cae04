package org.xiaoche.cli;

import org.xiaoche.routing.network.RoadNetwork;

import java.io.PrintStream;

/**
 * Tells the user what the road import left out (roads in small or one-way-isolated pieces), so
 * that "no bus road near this home" can be traced to the map data rather than to the planner.
 */
final class ImportWarnings {

    private ImportWarnings() {
    }

    /** One {@code warning:} line per profile and road class, then the longest roads left out; nothing when none were. */
    static void print(RoadNetwork network, PrintStream err) {
        for (String line : network.importReport().warningLines()) {
            err.println("warning: " + line);
        }
        err.flush();
    }
}
