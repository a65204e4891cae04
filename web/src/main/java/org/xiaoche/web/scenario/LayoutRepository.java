package org.xiaoche.web.scenario;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiaoche.routing.scenario.ClosureOption;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code layout_run} and {@code layout_effect} tables. */
@Repository
public class LayoutRepository {

    /** A stored layout run; {@code candidateIds} null means every small school; {@code result} null until done. */
    public record LayoutRun(long id, long baselinePlanId, String name, List<String> candidateIds, Long jobId, String result,
                            String createdBy, Instant createdAt) {
    }

    /** One closure option of a run; {@code effect} (JSON) and {@code worker} once measured. */
    public record EffectRow(int seq, ClosureOption option, Long jobId, String worker, String effect) {
    }

    private final JdbcTemplate jdbc;

    public LayoutRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long baselinePlanId, String name, List<String> candidateIds, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO layout_run (baseline_plan_id, name, candidate_ids, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)", new String[]{"id"});
            ps.setLong(1, baselinePlanId);
            ps.setString(2, name);
            ps.setString(3, candidateIds == null ? null : String.join(",", candidateIds));
            ps.setString(4, createdBy);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<LayoutRun> findById(long id) {
        return list("WHERE id = ?", id).stream().findFirst();
    }

    public List<LayoutRun> list(Long baselinePlanId) {
        return baselinePlanId == null ? list("") : list("WHERE baseline_plan_id = ?", baselinePlanId);
    }

    private List<LayoutRun> list(String where, Object... args) {
        return jdbc.query("SELECT id, baseline_plan_id, name, candidate_ids, job_id, result, created_by, created_at FROM layout_run "
                + where + " ORDER BY id DESC", (rs, i) -> {
            String ids = rs.getString("candidate_ids");
            return new LayoutRun(rs.getLong("id"), rs.getLong("baseline_plan_id"), rs.getString("name"),
                    ids == null ? null : List.of(ids.split(",")), rs.getObject("job_id", Long.class), rs.getString("result"),
                    rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
        }, args);
    }

    public void setJob(long id, long jobId) {
        jdbc.update("UPDATE layout_run SET job_id = ? WHERE id = ?", jobId, id);
    }

    public void storeResult(long id, String result) {
        jdbc.update("UPDATE layout_run SET result = ? WHERE id = ?", result, id);
    }

    /** Replaces the run's options (a restarted run measures again). */
    public void setOptions(long runId, List<ClosureOption> options) {
        jdbc.update("DELETE FROM layout_effect WHERE layout_run_id = ?", runId);
        for (int i = 0; i < options.size(); i++) {
            jdbc.update("INSERT INTO layout_effect (layout_run_id, seq, school_id, receiving_school_id) VALUES (?, ?, ?, ?)",
                    runId, i, options.get(i).schoolId(), options.get(i).receivingSchoolId());
        }
    }

    public void setEffectJob(long runId, int seq, long jobId) {
        jdbc.update("UPDATE layout_effect SET job_id = ? WHERE layout_run_id = ? AND seq = ?", jobId, runId, seq);
    }

    public void storeEffect(long runId, int seq, String worker, String effect) {
        jdbc.update("UPDATE layout_effect SET worker = ?, effect = ? WHERE layout_run_id = ? AND seq = ?", worker, effect, runId, seq);
    }

    public List<EffectRow> effects(long runId) {
        return jdbc.query("SELECT seq, school_id, receiving_school_id, job_id, worker, effect FROM layout_effect"
                + " WHERE layout_run_id = ? ORDER BY seq", (rs, i) -> new EffectRow(rs.getInt("seq"),
                new ClosureOption(rs.getString("school_id"), rs.getString("receiving_school_id")),
                rs.getObject("job_id", Long.class), rs.getString("worker"), rs.getString("effect")), runId);
    }
}
