package org.xiaoche.web.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiaoche.web.system.ApiError;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code job} table: one row per background job, the truth about its state and progress. */
@Repository
public class JobRepository {

    private static final String COLUMNS = "id, kind, state, stage, percent, message, params, result_type, result_id,"
            + " worker, cancel_requested, created_by, created_at, started_at, finished_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Job> rowMapper;

    public JobRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rowMapper = (rs, i) -> new Job(rs.getLong("id"), rs.getString("kind"), JobState.ofCode(rs.getString("state")),
                rs.getString("stage"), rs.getDouble("percent"), rs.getString("message"), readParams(rs.getString("params")),
                rs.getString("result_type"), (Long) rs.getObject("result_id", Long.class), rs.getString("worker"),
                rs.getBoolean("cancel_requested"), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    public long insert(String kind, Map<String, String> params, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO job (kind, state, stage, percent, params, cancel_requested,"
                    + " created_by, created_at) VALUES (?, ?, ?, 0, ?, false, ?, ?)", new String[]{"id"});
            ps.setString(1, kind);
            ps.setString(2, JobState.QUEUED.code());
            ps.setString(3, "queued");
            ps.setString(4, writeParams(params));
            ps.setString(5, createdBy);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Job> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM job WHERE id = ?", rowMapper, id).stream().findFirst();
    }

    public List<Job> listRecent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM job ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", rowMapper);
    }

    /** Moves a queued job to running on {@code worker}; false when someone else took or ended it. */
    public boolean claim(long id, String worker) {
        return jdbc.update("UPDATE job SET state = ?, worker = ?, started_at = ?, stage = ? WHERE id = ? AND state = ?",
                JobState.RUNNING.code(), worker, Timestamp.from(Instant.now()), "started", id, JobState.QUEUED.code()) == 1;
    }

    public void progress(long id, String stage, double percent) {
        jdbc.update("UPDATE job SET stage = ?, percent = ? WHERE id = ? AND state = ?",
                truncate(stage, 200), percent, id, JobState.RUNNING.code());
    }

    /** Ends an unfinished job; false when it had already ended. */
    public boolean finish(long id, JobState state, String message, JobResult result) {
        return jdbc.update("UPDATE job SET state = ?, message = ?, result_type = ?, result_id = ?, finished_at = ?,"
                        + " percent = CASE WHEN ? THEN 100 ELSE percent END WHERE id = ? AND state IN (?, ?)",
                state.code(), truncate(message, 4000), result.type(), result.id(), Timestamp.from(Instant.now()),
                state == JobState.SUCCEEDED, id, JobState.QUEUED.code(), JobState.RUNNING.code()) == 1;
    }

    /** Keeps the problems of a job that refused its input, for the user who started it. */
    public void saveProblems(long id, List<ApiError.Problem> problems) {
        try {
            jdbc.update("UPDATE job SET problems = ? WHERE id = ?", json.writeValueAsString(problems), id);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("problems do not write as JSON", e);
        }
    }

    /** The problems of a job that refused its input; empty for every other job. */
    public List<ApiError.Problem> findProblems(long id) {
        String text = jdbc.query("SELECT problems FROM job WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null, id);
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<List<ApiError.Problem>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job problems are not JSON", e);
        }
    }

    /** Asks a running job to stop at its next progress report. */
    public boolean requestCancel(long id) {
        return jdbc.update("UPDATE job SET cancel_requested = true WHERE id = ? AND state = ?",
                id, JobState.RUNNING.code()) == 1;
    }

    public boolean isCancelRequested(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT cancel_requested FROM job WHERE id = ?", Boolean.class, id));
    }

    /** Ends a job that has not started yet; false when it was claimed (or ended) first. */
    public boolean finishQueued(long id, JobState state, String message) {
        return jdbc.update("UPDATE job SET state = ?, message = ?, finished_at = ? WHERE id = ? AND state = ?",
                state.code(), truncate(message, 4000), Timestamp.from(Instant.now()), id, JobState.QUEUED.code()) == 1;
    }

    /** Every job that is queued or running. */
    public List<Job> listUnfinished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM job WHERE state IN (?, ?) ORDER BY id", rowMapper,
                JobState.QUEUED.code(), JobState.RUNNING.code());
    }

    /**
     * Fails every running job whose worker is not alive (it crashed, was killed or stopped without
     * ending it): such a job cannot resume and must never be left looking as if it were running.
     */
    public List<Long> failRunningOfDeadWorkers(java.util.function.Predicate<String> alive, String reason) {
        List<Long> failed = new java.util.ArrayList<>();
        for (Job job : listUnfinished()) {
            if (job.state() == JobState.RUNNING && !alive.test(job.worker())
                    && finish(job.id(), JobState.FAILED, reason, JobResult.NONE)) {
                failed.add(job.id());
            }
        }
        return failed;
    }

    private Map<String, String> readParams(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job parameters are not JSON", e);
        }
    }

    private String writeParams(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
