package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.List;

/**
 * A line that runs west to east as a function y(x) = base + Σ amplitude·sin(2πx/wavelength + phase).
 * Being a function of x, it crosses every north–south line exactly once, which makes "which bank"
 * a simple comparison and lets bridges be placed at any x.
 */
final class MeanderLine {

    private final double base_m;
    private final double[] amplitude_m;
    private final double[] wavelength_m;
    private final double[] phase;

    MeanderLine(double base_m, double[] amplitude_m, double[] wavelength_m, double[] phase) {
        this.base_m = base_m;
        this.amplitude_m = amplitude_m.clone();
        this.wavelength_m = wavelength_m.clone();
        this.phase = phase.clone();
    }

    double yAt(double x_m) {
        double y = base_m;
        for (int i = 0; i < amplitude_m.length; i++) {
            y += amplitude_m[i] * Math.sin(2 * Math.PI * x_m / wavelength_m[i] + phase[i]);
        }
        return y;
    }

    double slopeAt(double x_m) {
        double slope = 0;
        for (int i = 0; i < amplitude_m.length; i++) {
            double k = 2 * Math.PI / wavelength_m[i];
            slope += amplitude_m[i] * k * Math.cos(k * x_m + phase[i]);
        }
        return slope;
    }

    PlanePoint pointAt(double x_m) {
        return new PlanePoint(x_m, yAt(x_m));
    }

    /** Unit normal at x, pointing to the north side. */
    PlanePoint northNormalAt(double x_m) {
        double slope = slopeAt(x_m);
        double norm = Math.hypot(slope, 1);
        return new PlanePoint(-slope / norm, 1 / norm);
    }

    /** Sampled every {@code step_m} of x from {@code fromX_m} to {@code toX_m} inclusive. */
    List<PlanePoint> polyline(double fromX_m, double toX_m, double step_m) {
        int n = (int) Math.ceil((toX_m - fromX_m) / step_m);
        List<PlanePoint> points = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            points.add(pointAt(fromX_m + (toX_m - fromX_m) * i / n));
        }
        return points;
    }

    /** Largest |y| deviation from the base line. */
    double maxDeviation_m() {
        double sum = 0;
        for (double a : amplitude_m) {
            sum += Math.abs(a);
        }
        return sum;
    }
}
