package org.xiaoche.benchmarks.parktaekim;

import org.xiaoche.routing.optimization.TravelTimes;

/** Park–Tae–Kim time model: L1 distance on feet coordinates at a constant speed. */
public final class ManhattanTravelTimes implements TravelTimes {

    private static final double METRES_PER_FOOT = 0.3048;

    private final double[] x_ft;
    private final double[] y_ft;
    private final double speed_ftPerS;

    public ManhattanTravelTimes(double[] x_ft, double[] y_ft, double speed_ftPerS) {
        this.x_ft = x_ft.clone();
        this.y_ft = y_ft.clone();
        this.speed_ftPerS = speed_ftPerS;
    }

    public double distance_ft(int from, int to) {
        return Math.abs(x_ft[from] - x_ft[to]) + Math.abs(y_ft[from] - y_ft[to]);
    }

    @Override
    public double time_s(int from, int to) {
        return distance_ft(from, to) / speed_ftPerS;
    }

    @Override
    public double distance_m(int from, int to) {
        return distance_ft(from, to) * METRES_PER_FOOT;
    }
}
