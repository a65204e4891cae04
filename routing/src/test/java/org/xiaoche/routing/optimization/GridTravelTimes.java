package org.xiaoche.routing.optimization;

/** Test matrix: nodes on a line or grid, 1 s per unit of Manhattan distance, 1 m per unit. */
public record GridTravelTimes(double[] x, double[] y) implements TravelTimes {

    @Override
    public double time_s(int from, int to) {
        return Math.abs(x[from] - x[to]) + Math.abs(y[from] - y[to]);
    }

    @Override
    public double distance_m(int from, int to) {
        return time_s(from, to);
    }
}
