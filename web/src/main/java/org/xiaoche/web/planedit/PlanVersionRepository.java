package org.xiaoche.web.planedit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The {@code plan_version} table: which plan a hand-edited plan was made from, by which edits, by whom, when. */
@Repository
public class PlanVersionRepository {

    /** One version row; {@code parentPlanId} is null when the parent was deleted since. */
    public record Version(long planId, Long parentPlanId, String editsJson, String changesJson, String createdBy,
                          Instant createdAt) {
    }

    private static final RowMapper<Version> ROW = (rs, i) -> new Version(rs.getLong("plan_id"),
            (Long) rs.getObject("parent_plan_id", Long.class), rs.getString("edits"), rs.getString("changes"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public PlanVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long planId, long parentPlanId, String editsJson, String changesJson, String createdBy) {
        jdbc.update("INSERT INTO plan_version (plan_id, parent_plan_id, edits, changes, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", planId, parentPlanId, editsJson, changesJson, createdBy, Timestamp.from(Instant.now()));
    }

    /** The version row of a plan made by editing another; empty for a plan made by planning. */
    public Optional<Version> find(long planId) {
        return jdbc.query("SELECT plan_id, parent_plan_id, edits, changes, created_by, created_at FROM plan_version"
                + " WHERE plan_id = ?", ROW, planId).stream().findFirst();
    }
}
