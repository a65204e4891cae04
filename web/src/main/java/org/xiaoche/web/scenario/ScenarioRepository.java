package org.xiaoche.web.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.scenario.Reassignment;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.system.SpatialSql;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code scenario} and {@code scenario_move} tables. A scenario's own plan is an ordinary plan row
 * (so every plan view works on it); deleting the scenario deletes that plan, deleting the baseline
 * plan or its dataset deletes the scenario.
 */
@Repository
public class ScenarioRepository {

    private static final String COLUMNS = "s.id, s.baseline_plan_id, s.name, s.changes, s.job_id, s.plan_id, s.feasible,"
            + " s.created_by, s.created_at, p.dataset_id, d.region_id";
    private static final String FROM = " FROM scenario s JOIN plan p ON p.id = s.baseline_plan_id"
            + " JOIN dataset d ON d.id = p.dataset_id";

    /** A moved student with the home, for the planners' map of affected students. */
    public record MoveRow(String studentId, int grade, String fromSchoolId, String toSchoolId, LonLat home) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SpatialSql spatial;
    private final RowMapper<StoredScenario> row;

    public ScenarioRepository(JdbcTemplate jdbc, ObjectMapper json, SpatialSql spatial) {
        this.jdbc = jdbc;
        this.json = json;
        this.spatial = spatial;
        this.row = (rs, i) -> new StoredScenario(rs.getLong("id"), rs.getLong("baseline_plan_id"), rs.getLong("dataset_id"),
                rs.getLong("region_id"), rs.getString("name"), changes(rs.getString("changes")),
                rs.getObject("job_id", Long.class), rs.getObject("plan_id", Long.class),
                rs.getObject("feasible", Boolean.class), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    public long insert(ScenarioChanges changes, String createdBy) {
        String text = text(changes);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO scenario (baseline_plan_id, name, changes, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)", new String[]{"id"});
            ps.setLong(1, changes.baselinePlanId());
            ps.setString(2, changes.name());
            ps.setString(3, text);
            ps.setString(4, createdBy);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<StoredScenario> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + FROM + " WHERE s.id = ?", row, id).stream().findFirst();
    }

    /** Scenarios, newest first, of one baseline plan or one region when given. */
    public List<StoredScenario> list(Long baselinePlanId, Long regionId) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (baselinePlanId != null) {
            sql.append(" AND s.baseline_plan_id = ?");
            args.add(baselinePlanId);
        }
        if (regionId != null) {
            sql.append(" AND d.region_id = ?");
            args.add(regionId);
        }
        return jdbc.query(sql + " ORDER BY s.id DESC", row, args.toArray());
    }

    public void setJob(long id, long jobId) {
        jdbc.update("UPDATE scenario SET job_id = ? WHERE id = ?", jobId, id);
    }

    /**
     * Stores a run's outcome, replacing an earlier one: its plan, verdict, comparison JSON, histograms and
     * moved students. The plan of an earlier run is deleted.
     */
    @Transactional
    public void storeRun(long id, long datasetId, long planId, boolean feasible, byte[] comparisonJson, String histograms,
                         List<Reassignment> moves) {
        Long previous = jdbc.queryForObject("SELECT plan_id FROM scenario WHERE id = ?", Long.class, id);
        jdbc.update("UPDATE scenario SET plan_id = ?, feasible = ?, comparison = ?, histograms = ? WHERE id = ?",
                planId, feasible, PlanRepository.gzip(comparisonJson), histograms, id);
        if (previous != null && previous != planId) {
            jdbc.update("DELETE FROM plan WHERE id = ?", previous);
        }
        jdbc.update("DELETE FROM scenario_move WHERE scenario_id = ?", id);
        jdbc.batchUpdate("INSERT INTO scenario_move (scenario_id, dataset_id, student_id, grade, from_school_id, to_school_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", moves, 1000, (ps, m) -> {
            ps.setLong(1, id);
            ps.setLong(2, datasetId);
            ps.setString(3, m.studentId());
            ps.setInt(4, m.grade());
            ps.setString(5, m.fromSchoolId());
            ps.setString(6, m.toSchoolId());
        });
    }

    /** The stored comparison JSON (with its planner-only part), when the scenario has run. */
    public Optional<byte[]> comparison(long id) {
        return jdbc.query("SELECT comparison FROM scenario WHERE id = ?", (rs, i) -> rs.getBytes("comparison"), id).stream()
                .filter(java.util.Objects::nonNull).findFirst().map(PlanRepository::gunzip);
    }

    public Optional<String> histograms(long id) {
        return jdbc.query("SELECT histograms FROM scenario WHERE id = ?", (rs, i) -> rs.getString("histograms"), id).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The students the scenario moved, with their homes: planners only. */
    public List<MoveRow> moves(long id) {
        return jdbc.query("SELECT m.student_id, m.grade, m.from_school_id, m.to_school_id, " + spatial.asBinary("s.home")
                + " AS wkb FROM scenario_move m JOIN student s ON s.dataset_id = m.dataset_id AND s.student_id = m.student_id"
                + " WHERE m.scenario_id = ? ORDER BY m.student_id", (rs, i) -> {
            var c = spatial.fromWkb(rs.getBytes("wkb")).getCoordinate();
            return new MoveRow(rs.getString("student_id"), rs.getInt("grade"), rs.getString("from_school_id"),
                    rs.getString("to_school_id"), new LonLat(c.x, c.y));
        }, id);
    }

    /** Deletes a scenario and its own plan. */
    @Transactional
    public boolean delete(long id) {
        Long planId = jdbc.query("SELECT plan_id FROM scenario WHERE id = ?", (rs, i) -> rs.getObject("plan_id", Long.class), id)
                .stream().findFirst().orElse(null);
        boolean deleted = jdbc.update("DELETE FROM scenario WHERE id = ?", id) > 0;
        if (planId != null) {
            jdbc.update("DELETE FROM plan WHERE id = ?", planId);
        }
        return deleted;
    }

    private String text(ScenarioChanges changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScenarioChanges changes(String text) {
        try {
            return json.readValue(text, ScenarioChanges.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scenario changes do not read", e);
        }
    }
}
