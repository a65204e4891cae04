package org.xiaoche.web.system;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Geometry in and out of SQL on both databases without per-connection type registration: geometries
 * go in as EWKB bytes (JTS {@code WKBWriter(2, true)}, SRID 4326) and come out with
 * {@code ST_AsBinary}. Only the SQL that turns the bytes into a geometry differs per database.
 */
@Component
public class SpatialSql {

    private final boolean postgis;

    public SpatialSql(JdbcTemplate jdbc) {
        this.postgis = Boolean.TRUE.equals(jdbc.execute((Connection c) -> isPostgres(c)));
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** SQL for a geometry parameter bound with {@link #toEwkb(Geometry)}. */
    public String geometryParameter() {
        // H2 parses EWKB (with its SRID) when a binary value is cast to GEOMETRY.
        return postgis ? "ST_GeomFromEWKB(?)" : "CAST(? AS GEOMETRY)";
    }

    /** SQL reading the geometry column {@code column} as WKB for {@link #fromWkb(byte[])}. */
    public String asBinary(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    /** True on PostgreSQL + PostGIS, false on the embedded H2GIS database. */
    public boolean isPostgis() {
        return postgis;
    }

    public byte[] toEwkb(Geometry geometry) {
        if (geometry.getSRID() == 0) {
            geometry.setSRID(4326);
        }
        return new WKBWriter(2, true).write(geometry);
    }

    public Geometry fromWkb(byte[] wkb) {
        try {
            Geometry g = new WKBReader().read(wkb);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("database returned invalid WKB", e);
        }
    }
}
