package org.xiaoche.routing.optimization;

import java.time.Duration;

/** Builds the runs of one school. Implementations wrap a solver library. */
public interface SchoolRouteSolver {

    /** Short name for reports, e.g. {@code "jsprit"}. */
    String name();

    /**
     * Solves {@code problem} within about {@code budget} of wall time on the calling thread.
     * Every returned route satisfies seats and every stop's ride cap; stops that cannot be served
     * (e.g. the direct ride exceeds the cap) are returned as unserved, never silently dropped.
     */
    SchoolRoutePlan solve(SchoolRoutingProblem problem, Duration budget);
}
