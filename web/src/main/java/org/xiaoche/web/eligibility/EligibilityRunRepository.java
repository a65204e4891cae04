package org.xiaoche.web.eligibility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.eligibility.StudentEligibility;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code eligibility_run}, {@code eligibility_school} and {@code eligibility_student} tables. */
@Repository
public class EligibilityRunRepository {

    private static final String RUN_COLUMNS = "r.id, r.dataset_id, d.region_id, r.job_id, r.walk_threshold_m, r.policy,"
            + " r.students, r.walkers, r.needs_transport, r.unreachable, r.created_at";
    private static final RowMapper<EligibilityRun> RUN = (rs, i) -> new EligibilityRun(rs.getLong("id"), rs.getLong("dataset_id"),
            rs.getLong("region_id"), (Long) rs.getObject("job_id", Long.class), rs.getDouble("walk_threshold_m"), rs.getString("policy"),
            rs.getInt("students"), rs.getInt("walkers"), rs.getInt("needs_transport"), rs.getInt("unreachable"),
            rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<SchoolEligibilitySummary> SCHOOL = (rs, i) -> new SchoolEligibilitySummary(
            rs.getString("school_id"), rs.getString("school_name"), rs.getInt("students"), rs.getInt("walkers"),
            rs.getInt("needs_transport"), rs.getInt("unreachable"), nan(rs, "walk_p50_m"), nan(rs, "walk_p90_m"), nan(rs, "walk_max_m"));

    /** A student's stored eligibility with the home as WKB; for planners only. */
    public record StudentRow(String studentId, String schoolId, int grade, String status, Double walk_m, String reason, byte[] homeWkb) {
    }

    private final JdbcTemplate jdbc;
    private final org.xiaoche.web.system.SpatialSql spatial;

    public EligibilityRunRepository(JdbcTemplate jdbc, org.xiaoche.web.system.SpatialSql spatial) {
        this.jdbc = jdbc;
        this.spatial = spatial;
    }

    /** Stores a whole result; the caller provides the transaction. */
    public long insert(long datasetId, Long jobId, double walkThreshold_m, String policyJson, EligibilityResult result) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO eligibility_run (dataset_id, job_id, walk_threshold_m, policy,"
                    + " students, walkers, needs_transport, unreachable, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
            ps.setLong(1, datasetId);
            if (jobId == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, jobId);
            }
            ps.setDouble(3, walkThreshold_m);
            ps.setString(4, policyJson);
            ps.setInt(5, result.students().size());
            ps.setInt(6, (int) result.count(EligibilityStatus.WALKS));
            ps.setInt(7, (int) result.count(EligibilityStatus.NEEDS_TRANSPORT));
            ps.setInt(8, (int) result.count(EligibilityStatus.UNREACHABLE));
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        long runId = keys.getKey().longValue();
        jdbc.batchUpdate("INSERT INTO eligibility_school (run_id, school_id, school_name, students, walkers, needs_transport,"
                + " unreachable, walk_p50_m, walk_p90_m, walk_max_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", result.schools(), 500, (ps, s) -> {
            ps.setLong(1, runId);
            ps.setString(2, s.schoolId());
            ps.setString(3, s.schoolName());
            ps.setInt(4, s.students());
            ps.setInt(5, s.walkers());
            ps.setInt(6, s.needsTransport());
            ps.setInt(7, s.unreachable());
            setMetres(ps, 8, s.walkP50_m());
            setMetres(ps, 9, s.walkP90_m());
            setMetres(ps, 10, s.walkMax_m());
        });
        jdbc.batchUpdate("INSERT INTO eligibility_student (run_id, dataset_id, student_id, status, walk_m, home_access_m, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", result.students(), 1000, (ps, s) -> {
            ps.setLong(1, runId);
            ps.setLong(2, datasetId);
            ps.setString(3, s.student().id());
            ps.setString(4, s.status().code());
            setMetres(ps, 5, s.walk_m());
            setMetres(ps, 6, s.homeAccess_m());
            ps.setString(7, s.reason());
        });
        return runId;
    }

    public Optional<EligibilityRun> findById(long id) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM eligibility_run r JOIN dataset d ON d.id = r.dataset_id WHERE r.id = ?",
                RUN, id).stream().findFirst();
    }

    public List<EligibilityRun> list(Long regionId, Long datasetId) {
        // Conditions are added only when given: PostgreSQL cannot type a "? IS NULL" parameter.
        StringBuilder sql = new StringBuilder("SELECT " + RUN_COLUMNS + " FROM eligibility_run r JOIN dataset d ON d.id = r.dataset_id WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (regionId != null) {
            sql.append(" AND d.region_id = ?");
            args.add(regionId);
        }
        if (datasetId != null) {
            sql.append(" AND r.dataset_id = ?");
            args.add(datasetId);
        }
        return jdbc.query(sql + " ORDER BY r.id DESC", RUN, args.toArray());
    }

    public List<SchoolEligibilitySummary> schools(long runId) {
        return jdbc.query("SELECT * FROM eligibility_school WHERE run_id = ? ORDER BY school_id", SCHOOL, runId);
    }

    public List<StudentRow> students(long runId) {
        return jdbc.query("SELECT e.student_id, s.school_id, s.grade, e.status, e.walk_m, e.reason, " + spatial.asBinary("s.home")
                + " AS wkb FROM eligibility_student e JOIN student s ON s.dataset_id = e.dataset_id AND s.student_id = e.student_id"
                + " WHERE e.run_id = ? ORDER BY e.student_id", (rs, i) -> new StudentRow(rs.getString("student_id"),
                rs.getString("school_id"), rs.getInt("grade"), rs.getString("status"), (Double) rs.getObject("walk_m", Double.class),
                rs.getString("reason"), rs.getBytes("wkb")), runId);
    }

    public long countStudentRows(long runId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM eligibility_student WHERE run_id = ?", Long.class, runId);
        return n == null ? 0 : n;
    }

    private static void setMetres(PreparedStatement ps, int index, double value_m) throws SQLException {
        // NaN (unknown) is stored as NULL: both databases then agree, and SQL aggregates skip it.
        if (Double.isNaN(value_m) || Double.isInfinite(value_m)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value_m);
        }
    }

    private static double nan(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
