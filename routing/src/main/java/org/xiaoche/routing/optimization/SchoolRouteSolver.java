package org.xiaoche.routing.optimization;


/** Builds the runs of one school. Implementations wrap a solver library. */
public interface SchoolRouteSolver {

    /** Short name for reports, e.g. {@code "jsprit"}. */
    String name();

    /**
     * Solves {@code problem} on the calling thread with the search {@code budget} allows. The same
     * problem and budget give the same plan unless the wall cap is hit (then the plan says so).
     * Every returned route satisfies seats and every stop's ride cap; stops that cannot be served
     * (e.g. the direct ride exceeds the cap) are returned as unserved, never silently dropped.
     */
    SchoolRoutePlan solve(SchoolRoutingProblem problem, SolverBudget budget);
}
