package org.xiaoche.demodata;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Uniform-grid index of every line segment drawn so far, so that a new road can be rejected when
 * it would cross something it does not share a node with (a crossing without a junction is a
 * data error in OSM, and roads must meet the river and the expressway only on bridges).
 * Lookups only: iteration order of the backing map never influences results.
 */
final class SegmentIndex {

    /** What a segment belongs to; decides the clearance a new road must keep from it. */
    enum Kind { RIVER, MOTORWAY, ROAD, FOOT }

    private static final double CELL_M = 250;
    /** New roads keep this far from the river and the expressway (except where they share a node). */
    static final double BARRIER_CLEARANCE_M = 20;
    /** New roads keep this far from other roads they do not join, so rounding to 7 decimals cannot create a crossing. */
    static final double ROAD_CLEARANCE_M = 1.0;

    private final Map<Long, int[]> cells = new HashMap<>();
    private double[] coords = new double[4 * 1024];
    private long[] ends = new long[2 * 1024];
    private Kind[] kinds = new Kind[1024];
    private int[] seenStamp = new int[1024];
    private int stamp;
    private int size;

    int size() {
        return size;
    }

    /** Adds segment ab whose end nodes have the given OSM ids (or -1 for none). */
    void add(PlanePoint a, long aId, PlanePoint b, long bId, Kind kind) {
        if (size == kinds.length) {
            int capacity = size * 2;
            coords = Arrays.copyOf(coords, 4 * capacity);
            ends = Arrays.copyOf(ends, 2 * capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            seenStamp = Arrays.copyOf(seenStamp, capacity);
        }
        int s = size++;
        coords[4 * s] = a.x_m();
        coords[4 * s + 1] = a.y_m();
        coords[4 * s + 2] = b.x_m();
        coords[4 * s + 3] = b.y_m();
        ends[2 * s] = aId;
        ends[2 * s + 1] = bId;
        kinds[s] = kind;
        int minCx = cell(Math.min(a.x_m(), b.x_m())), maxCx = cell(Math.max(a.x_m(), b.x_m()));
        int minCy = cell(Math.min(a.y_m(), b.y_m())), maxCy = cell(Math.max(a.y_m(), b.y_m()));
        for (int cx = minCx; cx <= maxCx; cx++) {
            for (int cy = minCy; cy <= maxCy; cy++) {
                long key = key(cx, cy);
                int[] list = cells.get(key);
                if (list == null) {
                    list = new int[5];
                } else if (list[0] + 1 == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                }
                list[++list[0]] = s;
                cells.put(key, list);
            }
        }
    }

    /**
     * True if segment ab comes closer than the clearance of its kind to any indexed segment that
     * does not share an end node with it ({@code aId}/{@code bId} ≥ 0 name shared nodes; -1 matches nothing).
     */
    boolean conflicts(PlanePoint a, long aId, PlanePoint b, long bId) {
        double margin = BARRIER_CLEARANCE_M;
        int currentStamp = ++stamp;
        int minCx = cell(Math.min(a.x_m(), b.x_m()) - margin), maxCx = cell(Math.max(a.x_m(), b.x_m()) + margin);
        int minCy = cell(Math.min(a.y_m(), b.y_m()) - margin), maxCy = cell(Math.max(a.y_m(), b.y_m()) + margin);
        for (int cx = minCx; cx <= maxCx; cx++) {
            for (int cy = minCy; cy <= maxCy; cy++) {
                int[] list = cells.get(key(cx, cy));
                if (list == null) {
                    continue;
                }
                for (int i = 1; i <= list[0]; i++) {
                    int s = list[i];
                    if (seenStamp[s] == currentStamp) {
                        continue;
                    }
                    seenStamp[s] = currentStamp;
                    long e0 = ends[2 * s], e1 = ends[2 * s + 1];
                    boolean sharesNode = (aId >= 0 && (aId == e0 || aId == e1)) || (bId >= 0 && (bId == e0 || bId == e1));
                    if (sharesNode) {
                        continue;
                    }
                    double clearance = kinds[s] == Kind.RIVER || kinds[s] == Kind.MOTORWAY ? BARRIER_CLEARANCE_M : ROAD_CLEARANCE_M;
                    double distance = SegmentGeometry.segmentDistance(a.x_m(), a.y_m(), b.x_m(), b.y_m(),
                            coords[4 * s], coords[4 * s + 1], coords[4 * s + 2], coords[4 * s + 3]);
                    if (distance < clearance) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Distance from p to the nearest segment of one of the kinds, or +∞ if none lies within {@code searchRadius_m}. */
    double nearestDistance_m(PlanePoint p, double searchRadius_m, EnumSet<Kind> wanted) {
        double best = Double.POSITIVE_INFINITY;
        int currentStamp = ++stamp;
        int minCx = cell(p.x_m() - searchRadius_m), maxCx = cell(p.x_m() + searchRadius_m);
        int minCy = cell(p.y_m() - searchRadius_m), maxCy = cell(p.y_m() + searchRadius_m);
        for (int cx = minCx; cx <= maxCx; cx++) {
            for (int cy = minCy; cy <= maxCy; cy++) {
                int[] list = cells.get(key(cx, cy));
                if (list == null) {
                    continue;
                }
                for (int i = 1; i <= list[0]; i++) {
                    int s = list[i];
                    if (seenStamp[s] == currentStamp || !wanted.contains(kinds[s])) {
                        continue;
                    }
                    seenStamp[s] = currentStamp;
                    double d = SegmentGeometry.pointSegmentDistance(p.x_m(), p.y_m(),
                            coords[4 * s], coords[4 * s + 1], coords[4 * s + 2], coords[4 * s + 3]);
                    best = Math.min(best, d);
                }
            }
        }
        return best <= searchRadius_m ? best : Double.POSITIVE_INFINITY;
    }

    private static int cell(double v_m) {
        return (int) Math.floor(v_m / CELL_M);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) ^ (cy & 0xffffffffL);
    }
}
