package org.xiaoche.benchmarks.cvrplib;

import java.time.Duration;
import java.util.List;

/** Solves a CVRPLIB instance; routes list customers numbered 1..n (depot implicit at both ends). */
public interface CvrpSolver {

    String name();

    List<int[]> solve(CvrpInstance instance, Duration budget);
}
