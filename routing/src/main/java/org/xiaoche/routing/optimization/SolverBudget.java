package org.xiaoche.routing.optimization;

import java.time.Duration;
import java.util.Objects;

/**
 * How much search a route solver does, as a deterministic measure: iterations per school, in
 * proportion to its pickups and within [min, max], from a fixed seed. Time is only a safety
 * cap; a solve that hits it is reported ({@link SchoolRoutePlan#wallCapHit()}) because its result
 * then depends on machine load.
 *
 * @param seed              seed of every solver's random numbers (each school's search is seeded
 *                          from it and the school id, so thread timing cannot change a result)
 * @param iterationsPerStop search iterations per pickup of a school
 * @param minIterations     fewest iterations of any school
 * @param maxIterations     most iterations of any school
 * @param wallCap           safety cap per school on the solving thread's CPU time (jsprit; Timefold counts wall time)
 */
public record SolverBudget(long seed, int iterationsPerStop, int minIterations, int maxIterations, Duration wallCap) {

    public SolverBudget {
        Objects.requireNonNull(wallCap, "wallCap");
        if (iterationsPerStop < 0 || minIterations < 1 || maxIterations < minIterations) {
            throw new IllegalArgumentException("solver iterations must satisfy 0 <= per stop, 1 <= min <= max; got "
                    + iterationsPerStop + ", " + minIterations + ", " + maxIterations);
        }
        if (wallCap.isNegative() || wallCap.isZero()) {
            throw new IllegalArgumentException("solver wall cap must be positive");
        }
    }

    /** The defaults of the command line and the web service: the demo county plans in a few seconds on 2 cores. */
    public static SolverBudget defaults() {
        return new SolverBudget(2026, 40, 200, 4_000, Duration.ofSeconds(60));
    }

    public SolverBudget withSeed(long newSeed) {
        return new SolverBudget(newSeed, iterationsPerStop, minIterations, maxIterations, wallCap);
    }

    public SolverBudget withWallCap(Duration newWallCap) {
        return new SolverBudget(seed, iterationsPerStop, minIterations, maxIterations, newWallCap);
    }

    /** Iterations for a school with {@code stops} pickups. */
    public int iterationsFor(int stops) {
        long wanted = (long) iterationsPerStop * stops;
        return (int) Math.max(minIterations, Math.min(maxIterations, wanted));
    }

    /** The seed of one school's search: fixed by the budget's seed and the school, not by thread order. */
    public long seedFor(String schoolId) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < schoolId.length(); i++) {
            h = (h ^ schoolId.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }
}
