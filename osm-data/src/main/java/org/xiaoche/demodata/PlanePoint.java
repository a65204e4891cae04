package org.xiaoche.demodata;

/**
 * A point on the county's local plane: metres east ({@code x_m}) and north ({@code y_m}) of the
 * county's south-west corner. All layout work happens here; {@link LocalProjection} turns it into WGS-84.
 */
record PlanePoint(double x_m, double y_m) {

    double distance_m(PlanePoint other) {
        return Math.hypot(x_m - other.x_m, y_m - other.y_m);
    }

    PlanePoint plus(double dx_m, double dy_m) {
        return new PlanePoint(x_m + dx_m, y_m + dy_m);
    }

    /** The point {@code fraction} of the way from this point to {@code other}. */
    PlanePoint towards(PlanePoint other, double fraction) {
        return new PlanePoint(x_m + (other.x_m - x_m) * fraction, y_m + (other.y_m - y_m) * fraction);
    }
}
