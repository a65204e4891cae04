package org.xiaoche.routing.plan;

import org.xiaoche.routing.optimization.SolverBudget;

/** The route solver a plan used and its search budget. */
public record SolverSettings(String name, long seed, int iterationsPerStop, int minIterations, int maxIterations,
                             double wallCap_s) {

    public static SolverSettings of(String name, SolverBudget budget) {
        return new SolverSettings(name, budget.seed(), budget.iterationsPerStop(), budget.minIterations(),
                budget.maxIterations(), budget.wallCap().toMillis() / 1000.0);
    }

    public SolverBudget budget() {
        return new SolverBudget(seed, iterationsPerStop, minIterations, maxIterations,
                java.time.Duration.ofMillis(Math.round(wallCap_s * 1000)));
    }
}
