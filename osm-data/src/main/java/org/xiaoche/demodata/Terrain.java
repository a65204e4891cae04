package org.xiaoche.demodata;

import java.util.SplittableRandom;

/**
 * The river (flowing west to east through the northern half) and the expressway (south of it),
 * plus a hilliness field: the valley floor along the river is flat, the land rises away from it,
 * and roads there wind more.
 */
final class Terrain {

    private final double width_m;
    private final double height_m;
    private final MeanderLine river;
    private final MeanderLine expressway;

    Terrain(double width_m, double height_m, SplittableRandom random) {
        this.width_m = width_m;
        this.height_m = height_m;
        this.river = new MeanderLine(0.60 * height_m,
                new double[] {600, 220, 60}, new double[] {7_000, 2_300, 700},
                new double[] {phase(random), phase(random), phase(random)});
        // An expressway is built with large radii: long wavelengths, no short wiggles.
        this.expressway = new MeanderLine(0.27 * height_m,
                new double[] {350, 120}, new double[] {13_000, 5_200},
                new double[] {phase(random), phase(random)});
    }

    private static double phase(SplittableRandom random) {
        return random.nextDouble() * 2 * Math.PI;
    }

    double width_m() {
        return width_m;
    }

    double height_m() {
        return height_m;
    }

    MeanderLine river() {
        return river;
    }

    MeanderLine expressway() {
        return expressway;
    }

    Region regionOf(PlanePoint p) {
        if (p.y_m() > river.yAt(p.x_m())) {
            return Region.NORTH_OF_RIVER;
        }
        return p.y_m() > expressway.yAt(p.x_m()) ? Region.BETWEEN_RIVER_AND_EXPRESSWAY : Region.SOUTH_OF_EXPRESSWAY;
    }

    /** North–south distance to the river or the expressway, whichever is nearer. */
    double verticalClearance_m(PlanePoint p) {
        return Math.min(Math.abs(p.y_m() - river.yAt(p.x_m())), Math.abs(p.y_m() - expressway.yAt(p.x_m())));
    }

    /** 0.25 on the river plain rising to 1 four kilometres away from it. */
    double hilliness(PlanePoint p) {
        double fromRiver_m = Math.abs(p.y_m() - river.yAt(p.x_m()));
        return 0.25 + 0.75 * Math.min(1, fromRiver_m / 4_000);
    }

    boolean inside(PlanePoint p, double margin_m) {
        return p.x_m() >= margin_m && p.x_m() <= width_m - margin_m && p.y_m() >= margin_m && p.y_m() <= height_m - margin_m;
    }
}
