package org.xiaoche.routing.geo;

/**
 * A point in WGS-84 degrees. Everything inside the engine is WGS-84; other datums are converted
 * at import (see {@link CoordinateSystem}).
 */
public record LonLat(double lon, double lat) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    public LonLat {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("not a WGS-84 coordinate: " + lon + ", " + lat);
        }
    }

    /** Great-circle distance in metres (haversine). */
    public double distance_m(LonLat other) {
        double phi1 = Math.toRadians(lat), phi2 = Math.toRadians(other.lat);
        double dPhi = phi2 - phi1, dLambda = Math.toRadians(other.lon - lon);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
