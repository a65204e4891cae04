package org.xiaoche.cli;

import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.optimization.timefold.TimefoldSchoolRouteSolver;

import java.util.Locale;

/** The route solvers the commands offer, by name. */
final class RouteSolvers {

    private RouteSolvers() {
    }

    static SchoolRouteSolver named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jsprit" -> new JspritSchoolRouteSolver();
            case "timefold" -> new TimefoldSchoolRouteSolver();
            default -> throw new IllegalArgumentException("unknown solver '" + name + "' (jsprit or timefold)");
        };
    }
}
