package org.xiaoche.routing.network;

import org.xiaoche.routing.geo.LonLat;

import java.util.List;
import java.util.Objects;

/**
 * Bus travel time and distance between every ordered pair of a list of points (stops, schools,
 * depots), on the {@code school_bus} profile. Computed by {@link BusTravelTimeCalculator}.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #time_s(int, int)} is the least travel time from where point {@code from} meets
 *       the bus network to where point {@code to} meets it, over the whole matrix, exact up to
 *       GraphHopper's millisecond rounding of shortcut weights. It is not symmetric: one-way
 *       roads count. The diagonal is 0.</li>
 *   <li>{@link #distance_m(int, int)} is the length of that fastest path (not the shortest
 *       path), for bus-km. When several paths are equally fast, the length of one of them.</li>
 *   <li>Where no bus path exists both are {@code +infinity} and {@link #isReachable} is false.</li>
 *   <li>The walk or drive from a point to the network ({@link #snapDistance_m(int)}) is not
 *       included.</li>
 * </ul>
 * Immutable; indices follow the list the matrix was computed for.
 */
public final class BusTravelTimes {

    private final List<LonLat> points;
    private final double[] snapDistance_m;
    private final double[] time_s;
    private final double[] distance_m;

    /** A matrix computed elsewhere (row-major {@code time_s[from * n + to]}): tests and hand-made cases. */
    public BusTravelTimes(List<LonLat> points, double[] snapDistance_m, double[] time_s, double[] distance_m) {
        int n = points.size();
        if (snapDistance_m.length != n || time_s.length != n * n || distance_m.length != n * n) {
            throw new IllegalArgumentException("matrix sizes do not match " + n + " points");
        }
        this.points = List.copyOf(points);
        this.snapDistance_m = snapDistance_m;
        this.time_s = time_s;
        this.distance_m = distance_m;
    }

    /** Number of points; the matrices are {@code size() × size()}. */
    public int size() {
        return points.size();
    }

    /** The point as given (not moved onto the road). */
    public LonLat point(int index) {
        return points.get(Objects.checkIndex(index, points.size()));
    }

    /** Straight-line distance from the point to where it meets the bus network, in metres. */
    public double snapDistance_m(int index) {
        return snapDistance_m[Objects.checkIndex(index, points.size())];
    }

    /** Bus travel time from point {@code from} to point {@code to} in seconds; +infinity when unreachable. */
    public double time_s(int from, int to) {
        return time_s[cell(from, to)];
    }

    /** Length of the fastest bus path from {@code from} to {@code to} in metres; +infinity when unreachable. */
    public double distance_m(int from, int to) {
        return distance_m[cell(from, to)];
    }

    /** True when a bus can drive from point {@code from} to point {@code to}. */
    public boolean isReachable(int from, int to) {
        return time_s[cell(from, to)] != Double.POSITIVE_INFINITY;
    }

    private int cell(int from, int to) {
        int n = points.size();
        return Objects.checkIndex(from, n) * n + Objects.checkIndex(to, n);
    }
}
