package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shapes a road between two points the way hill roads look: a broad bow, shorter wiggles that
 * grow with hilliness, and sometimes a flight of hairpin bends (switchbacks) on a climb.
 * The lateral offset is a function of the distance along the chord, so a shaped road never
 * crosses itself.
 */
final class WindingRoad {

    private static final double SWITCHBACK_STEP_M = 25;
    private static final double SWITCHBACK_HALF_WIDTH_M = 45;

    private WindingRoad() {
    }

    /**
     * Polyline from a to b (both included).
     *
     * @param hilliness  0 flat … 1 hilly
     * @param wiggle     0 straight … 1 full curvature (callers retry with less when a shape collides)
     * @param switchbacks whether hairpins may be inserted
     */
    static List<PlanePoint> shape(PlanePoint a, PlanePoint b, double hilliness, double wiggle, boolean switchbacks,
                                  SplittableRandom random) {
        double length_m = a.distance_m(b);
        // Draw every random number even when unused, so a retry with less wiggle keeps the rest of the county unchanged.
        double bow = random.nextDouble() * 2 - 1;
        double waveLength_m = 250 + 500 * random.nextDouble();
        double wavePhase = random.nextDouble() * 2 * Math.PI;
        double waveAmplitude = 15 + 45 * random.nextDouble();
        boolean hairpins = random.nextDouble() < 0.45;
        double hairpinStart = 0.3 + 0.3 * random.nextDouble();
        int hairpinCount = 4 + random.nextInt(4);

        List<PlanePoint> points = new ArrayList<>();
        points.add(a);
        if (length_m < 1) {
            points.add(b);
            return points;
        }
        double ux = (b.x_m() - a.x_m()) / length_m, uy = (b.y_m() - a.y_m()) / length_m;
        double nx = -uy, ny = ux;
        double bow_m = wiggle * Math.min(0.12 * length_m, 500) * (0.3 + 0.7 * hilliness) * bow;
        double wave_m = wiggle * hilliness * waveAmplitude;
        double spacing_m = 30 + 30 * (1 - hilliness);
        int segments = Math.max(1, (int) Math.ceil(length_m / spacing_m));

        boolean withHairpins = switchbacks && hairpins && wiggle > 0.4 && hilliness > 0.55 && length_m > 1_200;
        double hairpinFrom_m = hairpinStart * length_m;
        double hairpinTo_m = hairpinFrom_m + hairpinCount * SWITCHBACK_STEP_M;

        boolean hairpinsDrawn = false;
        for (int i = 1; i < segments; i++) {
            double along_m = length_m * i / segments;
            if (withHairpins && along_m >= hairpinFrom_m && along_m <= hairpinTo_m) {
                continue;
            }
            if (withHairpins && along_m > hairpinTo_m && !hairpinsDrawn) {
                hairpinsDrawn = true;
                for (int k = 0; k <= hairpinCount; k++) {
                    double s_m = hairpinFrom_m + k * SWITCHBACK_STEP_M;
                    double side = (k % 2 == 0 ? 1 : -1) * SWITCHBACK_HALF_WIDTH_M;
                    points.add(at(a, ux, uy, nx, ny, s_m, offset(s_m / length_m, bow_m, wave_m, length_m, waveLength_m, wavePhase) + side));
                }
            }
            points.add(at(a, ux, uy, nx, ny, along_m, offset((double) i / segments, bow_m, wave_m, length_m, waveLength_m, wavePhase)));
        }
        points.add(b);
        return points;
    }

    private static double offset(double t, double bow_m, double wave_m, double length_m, double waveLength_m, double phase) {
        double envelope = Math.sin(Math.PI * t);
        return envelope * (bow_m * envelope + wave_m * Math.sin(2 * Math.PI * t * length_m / waveLength_m + phase));
    }

    private static PlanePoint at(PlanePoint a, double ux, double uy, double nx, double ny, double along_m, double lateral_m) {
        return new PlanePoint(a.x_m() + ux * along_m + nx * lateral_m, a.y_m() + uy * along_m + ny * lateral_m);
    }

    static double length_m(List<PlanePoint> polyline) {
        double sum = 0;
        for (int i = 1; i < polyline.size(); i++) {
            sum += polyline.get(i - 1).distance_m(polyline.get(i));
        }
        return sum;
    }
}
