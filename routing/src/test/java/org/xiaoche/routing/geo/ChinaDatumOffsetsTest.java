package org.xiaoche.routing.geo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChinaDatumOffsetsTest {

    private static final double REFERENCE_TOLERANCE_DEG = 1e-6;

    /**
     * WGS-84 → GCJ-02 reference pairs (Shanghai, Shenzhen, Beijing) published in the test suite of
     * googollee/eviltransform (go/transform_test.go), there given as lat, lng.
     */
    private static final double[][] WGS_TO_GCJ_LON_LAT = {
            {121.5272106, 31.1774276, 121.531541859215, 31.17530398364597},
            {113.912316, 22.543847, 113.9171764808363, 22.540796131694766},
            {116.377817, 39.911954, 116.38404722455657, 39.91334545536069},
            // wandergis/coordtransform test/app.js: wgs84togcj02(116.404, 39.915)
            {116.404, 39.915, 116.41024449916938, 39.91640428150164},
    };

    @Test
    void forwardGcj02MatchesPublishedReferencePoints() {
        for (double[] p : WGS_TO_GCJ_LON_LAT) {
            double[] gcj = ChinaDatumOffsets.wgs84ToGcj02(p[0], p[1]);
            assertArrayEquals(new double[] {p[2], p[3]}, gcj, REFERENCE_TOLERANCE_DEG);
        }
    }

    @Test
    void inverseGcj02RecoversPublishedWgsPointsWithinTwoMetres() {
        for (double[] p : WGS_TO_GCJ_LON_LAT) {
            double[] wgs = ChinaDatumOffsets.gcj02ToWgs84(p[2], p[3]);
            double d_m = new LonLat(wgs[0], wgs[1]).distance_m(new LonLat(p[0], p[1]));
            assertTrue(d_m <= 2.0, "inverse off by " + d_m + " m");
        }
    }

    @Test
    void inverseGcj02MatchesPublishedExactInverse() {
        // hujiulong/gcoord test/unit/crs/GCJ02.spec.js: GCJ02 (123, 45) → WGS84 to 5 decimals.
        double[] wgs = ChinaDatumOffsets.gcj02ToWgs84(123, 45);
        assertArrayEquals(new double[] {122.99395597, 44.99804071}, wgs, 1e-5);
    }

    @Test
    void bd09FormulasMatchPublishedReferencePoints() {
        // wandergis/coordtransform test/app.js, input (116.404, 39.915) for both directions.
        assertArrayEquals(new double[] {116.39762729119315, 39.90865673957631},
                ChinaDatumOffsets.bd09ToGcj02(116.404, 39.915), 1e-9);
        assertArrayEquals(new double[] {116.41036949371029, 39.92133699351021},
                ChinaDatumOffsets.gcj02ToBd09(116.404, 39.915), 1e-9);
        // hujiulong/gcoord test/unit/crs/GCJ02.spec.js: GCJ02 (123, 45) → BD09 to 5 decimals.
        assertArrayEquals(new double[] {123.00636499, 45.00636899}, ChinaDatumOffsets.gcj02ToBd09(123, 45), 1e-5);
    }

    @Test
    void bd09ToWgs84MatchesPublishedReferencePoint() {
        // hujiulong/gcoord test/unit/crs/BD09.spec.js: BD09 (123, 45) → GCJ02 and → WGS84, to 5 decimals.
        assertArrayEquals(new double[] {122.99363304, 44.99365430}, ChinaDatumOffsets.bd09ToGcj02(123, 45), 1e-5);
        assertArrayEquals(new double[] {122.98762210, 44.99171540}, ChinaDatumOffsets.bd09ToWgs84(123, 45), 1e-5);
        // The BD-09 pairs in googollee/eviltransform's tests disagree with these formula-based
        // values by 10-40 m, so they are not used here.
    }

    @Test
    void roundTripsAgreeWithinTwoMetresAcrossChina() {
        for (double lon = 74; lon <= 134; lon += 2.5) {
            for (double lat = 18; lat <= 53; lat += 2.5) {
                LonLat original = new LonLat(lon, lat);
                double[] gcj = ChinaDatumOffsets.wgs84ToGcj02(lon, lat);
                double[] back = ChinaDatumOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
                assertTrue(original.distance_m(new LonLat(back[0], back[1])) <= 2.0, "GCJ-02 at " + original);
                // The inverse is iterated to far below the 1e-7 degree contract.
                double[] again = ChinaDatumOffsets.wgs84ToGcj02(back[0], back[1]);
                assertEquals(gcj[0], again[0], 1e-7);
                assertEquals(gcj[1], again[1], 1e-7);

                double[] bd = ChinaDatumOffsets.wgs84ToBd09(lon, lat);
                double[] fromBd = ChinaDatumOffsets.bd09ToWgs84(bd[0], bd[1]);
                assertTrue(original.distance_m(new LonLat(fromBd[0], fromBd[1])) <= 2.0, "BD-09 at " + original);
            }
        }
    }

    @Test
    void offsetIsHundredsOfMetresInEasternChina() {
        // Guards against a transform that silently does nothing.
        double[] gcj = ChinaDatumOffsets.wgs84ToGcj02(120.0, 30.0);
        double d_m = new LonLat(120.0, 30.0).distance_m(new LonLat(gcj[0], gcj[1]));
        assertTrue(d_m > 200 && d_m < 800, "offset " + d_m + " m");
    }

    @Test
    void outsideChinaIsIdentity() {
        assertArrayEquals(new double[] {2.35, 48.85}, ChinaDatumOffsets.wgs84ToGcj02(2.35, 48.85));
        assertArrayEquals(new double[] {2.35, 48.85}, ChinaDatumOffsets.gcj02ToWgs84(2.35, 48.85));
    }
}
