package org.xiaoche.routing.geo;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;

import java.util.Locale;
import java.util.Objects;

/**
 * The coordinate system input coordinates are given in. Everything inside the engine is WGS-84, so
 * the only operation is {@link #toWgs84(double, double)}.
 *
 * <p>Names accepted by {@link #parse(String)} (case-insensitive): {@code wgs84}, {@code cgcs2000}
 * (treated as WGS-84: the two differ by centimetres), {@code gcj02} (Amap/Tencent), {@code bd09}
 * (Baidu), and {@code EPSG:n} for any code proj4j knows (e.g. EPSG:4490, EPSG:32651, EPSG:4526).
 *
 * <p>For geographic systems {@code x} is longitude and {@code y} latitude in degrees; for projected
 * ones (UTM, Gauss-Krüger) {@code x} is easting and {@code y} northing in the system's unit.
 * Instances are immutable and thread-safe.
 */
public final class CoordinateSystem {

    public static final CoordinateSystem WGS84 = new CoordinateSystem("wgs84", true, LonLat::new);
    public static final CoordinateSystem CGCS2000 = new CoordinateSystem("cgcs2000", true, LonLat::new);
    public static final CoordinateSystem GCJ02 = new CoordinateSystem("gcj02", true,
            (x, y) -> lonLat(ChinaDatumOffsets.gcj02ToWgs84(x, y)));
    public static final CoordinateSystem BD09 = new CoordinateSystem("bd09", true,
            (x, y) -> lonLat(ChinaDatumOffsets.bd09ToWgs84(x, y)));

    @FunctionalInterface
    private interface Conversion {
        LonLat toWgs84(double x, double y);
    }

    private final String name;
    private final boolean geographic;
    private final Conversion conversion;

    private CoordinateSystem(String name, boolean geographic, Conversion conversion) {
        this.name = name;
        this.geographic = geographic;
        this.conversion = conversion;
    }

    /**
     * Parses a coordinate system name (see class doc).
     *
     * @throws IllegalArgumentException for an unknown name or an EPSG code proj4j cannot build
     */
    public static CoordinateSystem parse(String text) {
        Objects.requireNonNull(text, "coordinate system name");
        String key = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (key) {
            case "wgs84", "epsg:4326":
                return WGS84;
            case "cgcs2000":
                return CGCS2000;
            case "gcj02":
                return GCJ02;
            case "bd09", "bd09ll":
                return BD09;
            default:
                break;
        }
        if (key.startsWith("epsg:")) {
            String digits = key.substring("epsg:".length());
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() <= 6) {
                return epsg(Integer.parseInt(digits));
            }
        }
        throw new IllegalArgumentException("unknown coordinate system '" + text
                + "'; use wgs84, cgcs2000, gcj02, bd09 or EPSG:<code> (e.g. EPSG:4490, EPSG:32651)");
    }

    /**
     * A coordinate system from the EPSG registry via proj4j.
     *
     * @throws IllegalArgumentException when proj4j does not know the code
     */
    public static CoordinateSystem epsg(int code) {
        if (code == 4326) {
            return WGS84;
        }
        CRSFactory factory = new CRSFactory();
        CoordinateReferenceSystem source;
        try {
            source = factory.createFromName("EPSG:" + code);
        } catch (Proj4jException | IllegalStateException e) {
            throw new IllegalArgumentException("unknown or unsupported coordinate system EPSG:" + code
                    + " (" + e.getMessage() + ")", e);
        }
        if (source == null) {
            throw new IllegalArgumentException("unknown coordinate system EPSG:" + code);
        }
        CoordinateReferenceSystem wgs84 = factory.createFromName("EPSG:4326");
        CoordinateTransform transform = new CoordinateTransformFactory().createTransform(source, wgs84);
        boolean geographic = Boolean.TRUE.equals(source.isGeographic());
        return new CoordinateSystem("EPSG:" + code, geographic, (x, y) -> {
            ProjCoordinate out = new ProjCoordinate();
            try {
                // proj4j transforms keep per-instance scratch state, so calls must not overlap.
                synchronized (transform) {
                    transform.transform(new ProjCoordinate(x, y), out);
                }
            } catch (Proj4jException e) {
                throw new IllegalArgumentException("coordinate cannot be converted from EPSG:" + code, e);
            }
            return new LonLat(out.x, out.y);
        });
    }

    /**
     * Converts one input coordinate to WGS-84.
     *
     * @throws IllegalArgumentException when the result is not a valid WGS-84 coordinate (e.g. NaN,
     *                                  |lat| > 90). The message may contain the coordinate: callers
     *                                  handling personal data must not pass it on.
     */
    public LonLat toWgs84(double x, double y) {
        return conversion.toWgs84(x, y);
    }

    /** True when input coordinates are longitude/latitude degrees (so ±180/±90 bounds apply). */
    public boolean isGeographic() {
        return geographic;
    }

    /** The canonical name, parseable by {@link #parse(String)}. */
    public String name() {
        return name;
    }

    /** Two instances are equal when they name the same system (conversions are then identical). */
    @Override
    public boolean equals(Object o) {
        return o instanceof CoordinateSystem other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    private static LonLat lonLat(double[] lonLat) {
        return new LonLat(lonLat[0], lonLat[1]);
    }
}
