package org.xiaoche.demodata;

/**
 * Equirectangular mapping between the county plane and WGS-84 degrees, centred on the county.
 * Over a county (≤ ~150 km) its distance error stays well below 1 %, which is all a synthetic
 * layout needs; distances in tests are measured back on the same plane.
 */
final class LocalProjection {

    /** Metres per degree of latitude on the mean-radius sphere. */
    static final double METRES_PER_DEGREE_LAT = 6_371_008.8 * Math.PI / 180;

    private final double originLon;
    private final double originLat;
    private final double metresPerDegreeLon;

    /** A projection whose plane origin is the south-west corner of a {@code width_m × height_m} box centred on the given point. */
    LocalProjection(double centreLon, double centreLat, double width_m, double height_m) {
        this.metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(centreLat));
        this.originLon = centreLon - width_m / 2 / metresPerDegreeLon;
        this.originLat = centreLat - height_m / 2 / METRES_PER_DEGREE_LAT;
    }

    double lon(PlanePoint p) {
        return originLon + p.x_m() / metresPerDegreeLon;
    }

    double lat(PlanePoint p) {
        return originLat + p.y_m() / METRES_PER_DEGREE_LAT;
    }

    PlanePoint toPlane(double lon, double lat) {
        return new PlanePoint((lon - originLon) * metresPerDegreeLon, (lat - originLat) * METRES_PER_DEGREE_LAT);
    }
}
