package org.xiaoche.routing.geo;

import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoordinateSystemTest {

    @Test
    void parsesNamedSystemsCaseInsensitively() {
        assertSame(CoordinateSystem.WGS84, CoordinateSystem.parse("WGS84"));
        assertSame(CoordinateSystem.WGS84, CoordinateSystem.parse("wgs-84"));
        assertSame(CoordinateSystem.CGCS2000, CoordinateSystem.parse("cgcs2000"));
        assertSame(CoordinateSystem.GCJ02, CoordinateSystem.parse("GCJ-02"));
        assertSame(CoordinateSystem.BD09, CoordinateSystem.parse("bd09"));
        assertEquals("EPSG:32651", CoordinateSystem.parse("epsg:32651").name());
    }

    @Test
    void unknownNamesAreRejectedWithTheAcceptedList() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoordinateSystem.parse("mars"));
        assertTrue(e.getMessage().contains("mars") && e.getMessage().contains("gcj02"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoordinateSystem.parse("EPSG:999999"));
        assertThrows(IllegalArgumentException.class, () -> CoordinateSystem.parse("EPSG:abc"));
    }

    @Test
    void wgs84AndCgcs2000AreIdentity() {
        assertEquals(new LonLat(116.4, 39.9), CoordinateSystem.WGS84.toWgs84(116.4, 39.9));
        assertEquals(new LonLat(116.4, 39.9), CoordinateSystem.CGCS2000.toWgs84(116.4, 39.9));
    }

    @Test
    void gcj02AndBd09ConvertIntoWgs84() {
        // googollee/eviltransform go/transform_test.go, Beijing pair.
        LonLat wgs = CoordinateSystem.GCJ02.toWgs84(116.38404722455657, 39.91334545536069);
        assertTrue(wgs.distance_m(new LonLat(116.377817, 39.911954)) <= 2.0);
        double[] bd = ChinaDatumOffsets.wgs84ToBd09(116.377817, 39.911954);
        assertTrue(CoordinateSystem.BD09.toWgs84(bd[0], bd[1]).distance_m(new LonLat(116.377817, 39.911954)) <= 2.0);
    }

    @Test
    void epsg4490IsGeographicAndAlmostIdentity() {
        CoordinateSystem cgcs = CoordinateSystem.parse("EPSG:4490");
        assertTrue(cgcs.isGeographic());
        LonLat p = cgcs.toWgs84(116.4, 39.9);
        assertTrue(p.distance_m(new LonLat(116.4, 39.9)) < 1.0);
    }

    @Test
    void utmZone51NorthCentralMeridianAndRoundTrip() {
        CoordinateSystem utm = CoordinateSystem.parse("EPSG:32651");
        assertFalse(utm.isGeographic());
        // Zone 51N has central meridian 123°E and false easting 500 km.
        LonLat onMeridian = utm.toWgs84(500_000, 0);
        assertEquals(123.0, onMeridian.lon(), 1e-9);
        assertEquals(0.0, onMeridian.lat(), 1e-9);

        ProjCoordinate xy = forward("EPSG:32651", 121.5, 31.2);
        assertTrue(utm.toWgs84(xy.x, xy.y).distance_m(new LonLat(121.5, 31.2)) < 0.01);
    }

    @Test
    void cgcs2000GaussKrugerZone38() {
        // EPSG:4526 is CGCS2000 / 3-degree Gauss-Kruger zone 38: central meridian 114°E, false easting 38 500 km.
        CoordinateSystem gk = CoordinateSystem.parse("EPSG:4526");
        LonLat onMeridian = gk.toWgs84(38_500_000, 3_000_000);
        assertEquals(114.0, onMeridian.lon(), 1e-9);
        ProjCoordinate xy = forward("EPSG:4526", 114.3, 30.6);
        assertTrue(gk.toWgs84(xy.x, xy.y).distance_m(new LonLat(114.3, 30.6)) < 0.01);
    }

    @Test
    void outOfRangeResultIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> CoordinateSystem.WGS84.toWgs84(37.4, 121.2));
    }

    private static ProjCoordinate forward(String target, double lon, double lat) {
        CRSFactory f = new CRSFactory();
        CoordinateTransform t = new CoordinateTransformFactory()
                .createTransform(f.createFromName("EPSG:4326"), f.createFromName(target));
        ProjCoordinate out = new ProjCoordinate();
        t.transform(new ProjCoordinate(lon, lat), out);
        return out;
    }
}
