package org.xiaoche.web.region;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiaoche.web.system.SpatialSql;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code region} table. */
@Repository
public class RegionRepository {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final JdbcTemplate jdbc;
    private final SpatialSql spatial;
    private final RowMapper<Region> rowMapper;
    private final String columns;

    public RegionRepository(JdbcTemplate jdbc, SpatialSql spatial) {
        this.jdbc = jdbc;
        this.spatial = spatial;
        this.columns = "id, name, osm_file, state, message, node_count, edge_count, created_at, "
                + spatial.asBinary("bounds") + " AS bounds_wkb";
        this.rowMapper = (rs, i) -> {
            byte[] wkb = rs.getBytes("bounds_wkb");
            return new Region(rs.getLong("id"), rs.getString("name"), Path.of(rs.getString("osm_file")), rs.getString("state"),
                    rs.getString("message"), (Integer) rs.getObject("node_count", Integer.class),
                    (Integer) rs.getObject("edge_count", Integer.class),
                    wkb == null ? null : spatial.fromWkb(wkb).getEnvelopeInternal(), rs.getTimestamp("created_at").toInstant());
        };
    }

    public long insert(String name, Path osmFile) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO region (name, osm_file, state, created_at) VALUES (?, ?, ?, ?)",
                    new String[]{"id"});
            ps.setString(1, name);
            ps.setString(2, osmFile.toString());
            ps.setString(3, Region.IMPORTING);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void setOsmFile(long id, Path osmFile) {
        jdbc.update("UPDATE region SET osm_file = ? WHERE id = ?", osmFile.toString(), id);
    }

    public Optional<Region> findById(long id) {
        return jdbc.query("SELECT " + columns + " FROM region WHERE id = ?", rowMapper, id).stream().findFirst();
    }

    public Optional<Region> findByName(String name) {
        return jdbc.query("SELECT " + columns + " FROM region WHERE name = ? ORDER BY id", rowMapper, name).stream().findFirst();
    }

    public List<Region> listAll() {
        return jdbc.query("SELECT " + columns + " FROM region ORDER BY id", rowMapper);
    }

    public void markReady(long id, int nodeCount, int edgeCount, Envelope bounds) {
        jdbc.update("UPDATE region SET state = ?, message = NULL, node_count = ?, edge_count = ?, bounds = "
                        + spatial.geometryParameter() + " WHERE id = ?",
                Region.READY, nodeCount, edgeCount, spatial.toEwkb(WGS84.toGeometry(bounds)), id);
    }

    public void markFailed(long id, String message) {
        jdbc.update("UPDATE region SET state = ?, message = ? WHERE id = ?", Region.FAILED,
                message == null || message.length() <= 2000 ? message : message.substring(0, 2000), id);
    }

    /** The region is being imported by job {@code jobId} (null: by no job, e.g. in a test). */
    public void markImporting(long id, Long jobId) {
        jdbc.update("UPDATE region SET state = ?, message = NULL, import_job_id = ? WHERE id = ?", Region.IMPORTING, jobId, id);
    }

    /** Ids of the regions still importing, with the job importing each (null when none was recorded yet). */
    public Map<Long, Long> importing() {
        Map<Long, Long> byRegion = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT id, import_job_id FROM region WHERE state = ? ORDER BY id",
                rs -> { byRegion.put(rs.getLong(1), (Long) rs.getObject(2, Long.class)); }, Region.IMPORTING);
        return byRegion;
    }

    public boolean delete(long id) {
        return jdbc.update("DELETE FROM region WHERE id = ?", id) == 1;
    }
}
