package org.xiaoche.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The {@code audit_event} table: who read student homes or student ids, when, and of which dataset,
 * eligibility run or plan. Rows name the subject only, never a student or a location; the endpoints
 * that return students write their row before answering, so a read that cannot be recorded fails.
 */
@Repository
public class AuditLog {

    /** What was read. */
    public enum Action {
        /** Student homes (a GeoJSON layer with locations). */
        READ_HOMES,
        /** Student ids without homes (e.g. a plan's rule violations). */
        READ_STUDENT_IDS;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The kinds of data a read is of. */
    public enum Subject {
        DATASET, ELIGIBILITY_RUN, PLAN;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Event(long id, Instant at, String username, String action, String subjectType, long subjectId,
                        String remoteAddress) {
    }

    private static final RowMapper<Event> ROW = (rs, i) -> new Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
            rs.getString("username"), rs.getString("action"), rs.getString("subject_type"), rs.getLong("subject_id"),
            rs.getString("remote_address"));

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the signed-in caller of {@code request} read {@code subject} {@code subjectId}. */
    public void record(HttpServletRequest request, Action action, Subject subject, long subjectId) {
        String user = request.getUserPrincipal() == null ? "(anonymous)" : request.getUserPrincipal().getName();
        jdbc.update("INSERT INTO audit_event (at, username, action, subject_type, subject_id, remote_address) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), user, action.code(), subject.code(), subjectId, request.getRemoteAddr());
    }

    /** Newest first. */
    public List<Event> page(int page, int size) {
        return jdbc.query("SELECT * FROM audit_event ORDER BY id DESC LIMIT ? OFFSET ?", ROW, size, (long) page * size);
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
        return n == null ? 0 : n;
    }
}
