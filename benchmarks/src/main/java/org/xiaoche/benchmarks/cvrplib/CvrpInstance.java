package org.xiaoche.benchmarks.cvrplib;

/**
 * A CVRPLIB instance: node 0 is the depot, nodes 1..n the customers (file node c+1 = customer c).
 * Distances are Euclidean rounded to the nearest integer (TSPLIB {@code nint}), as CVRPLIB X uses.
 */
public record CvrpInstance(String name, int capacity, double[] x, double[] y, int[] demand) {

    public int customers() {
        return x.length - 1;
    }

    /** TSPLIB EUC_2D: {@code nint(sqrt(dx² + dy²))}. */
    public long distance(int from, int to) {
        double dx = x[from] - x[to];
        double dy = y[from] - y[to];
        return Math.round(Math.sqrt(dx * dx + dy * dy));
    }
}
