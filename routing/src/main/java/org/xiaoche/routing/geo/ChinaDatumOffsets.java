package org.xiaoche.routing.geo;

/**
 * The obfuscated datums used by Chinese web maps, as published in many open-source libraries:
 * <ul>
 *   <li><b>GCJ-02</b> ("Mars coordinates"; Amap/Gaode, Tencent, Google China): WGS-84 plus a
 *       non-linear offset of a few hundred metres, applied only inside a rough bounding box of China.</li>
 *   <li><b>BD-09</b> (Baidu): GCJ-02 with a second, small rotation/scaling on top.</li>
 * </ul>
 * The GCJ-02 forward transform has no closed-form inverse, so {@link #gcj02ToWgs84} inverts it
 * numerically. The offset changes slowly with position (about 1e-5 of the step per degree), so a
 * fixed-point iteration converges in a handful of steps. All methods take and return degrees,
 * longitude first. Points with {@code lon}/{@code lat} outside the China box are returned unchanged
 * by the GCJ-02 methods.
 */
public final class ChinaDatumOffsets {

    /** Krasovsky 1940 ellipsoid, which the GCJ-02 algorithm is built on. */
    private static final double KRASOVSKY_A_M = 6_378_245.0;
    private static final double KRASOVSKY_E2 = 0.00669342162296594323;
    private static final double BD09_X_PI = Math.PI * 3000.0 / 180.0;

    /** The inverse stops once the forward image of the estimate is this close to the input (degrees). */
    static final double INVERSE_TOLERANCE_DEG = 1e-9;
    private static final int INVERSE_MAX_ITERATIONS = 50;

    private ChinaDatumOffsets() {
    }

    /** True when GCJ-02 leaves the point unchanged (outside the rough China bounding box). */
    public static boolean outsideChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS-84 → GCJ-02 (the published forward transform). Returns {lon, lat}. */
    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double x = lon - 105.0, y = lat - 35.0;
        double dLat = offsetLat(x, y);
        double dLon = offsetLon(x, y);
        double radLat = Math.toRadians(lat);
        double sinLat = Math.sin(radLat);
        double magic = 1 - KRASOVSKY_E2 * sinLat * sinLat;
        double sqrtMagic = Math.sqrt(magic);
        // Offsets above are in metres-ish units on the Krasovsky ellipsoid; convert to degrees.
        dLat = (dLat * 180.0) / ((KRASOVSKY_A_M * (1 - KRASOVSKY_E2)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A_M / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /**
     * GCJ-02 → WGS-84 by fixed-point iteration on the forward transform. The result {@code w}
     * satisfies {@code |wgs84ToGcj02(w) - (lon, lat)| < 1e-7} degrees in each axis (in practice ~1e-9).
     * Returns {lon, lat}.
     */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outsideChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon, wLat = lat;
        for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
            double[] g = wgs84ToGcj02(wLon, wLat);
            double errLon = lon - g[0], errLat = lat - g[1];
            if (Math.abs(errLon) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) {
                break;
            }
            wLon += errLon;
            wLat += errLat;
        }
        return new double[] {wLon, wLat};
    }

    /** GCJ-02 → BD-09 (the published Baidu formula). Returns {lon, lat}. */
    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD09_X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD09_X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /**
     * BD-09 → GCJ-02 (the published Baidu inverse formula; it is itself approximate, to well under a
     * metre). Returns {lon, lat}.
     */
    public static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065, y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD09_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD09_X_PI);
        return new double[] {z * Math.cos(theta), z * Math.sin(theta)};
    }

    /** WGS-84 → BD-09, via GCJ-02. Returns {lon, lat}. */
    public static double[] wgs84ToBd09(double lon, double lat) {
        double[] gcj = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(gcj[0], gcj[1]);
    }

    /** BD-09 → WGS-84, via GCJ-02 and the iterative GCJ-02 inverse. Returns {lon, lat}. */
    public static double[] bd09ToWgs84(double lon, double lat) {
        double[] gcj = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(gcj[0], gcj[1]);
    }

    private static double offsetLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
