package org.xiaoche.web.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code app_user} table. */
@Repository
public class UserAccountRepository {

    private static final RowMapper<UserAccount> ROW = (rs, i) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
            rs.getString("password_hash"), Role.ofCode(rs.getString("role")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public UserAccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", ROW, username).stream().findFirst();
    }

    public Optional<UserAccount> findById(long id) {
        return jdbc.query("SELECT * FROM app_user WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<UserAccount> listAll() {
        return jdbc.query("SELECT * FROM app_user ORDER BY username", ROW);
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
        return n == null ? 0 : n;
    }

    public void insert(String username, String passwordHash, Role role) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                username, passwordHash, role.code(), Timestamp.from(Instant.now()));
    }

    /** Enabled admins: the service keeps at least one. */
    public long countEnabledAdmins() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE role = ? AND enabled", Long.class, Role.ADMIN.code());
        return n == null ? 0 : n;
    }

    public void updatePasswordHash(long id, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", passwordHash, id);
    }

    public void updateRole(long id, Role role) {
        jdbc.update("UPDATE app_user SET role = ? WHERE id = ?", role.code(), id);
    }

    public void updateEnabled(long id, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ? WHERE id = ?", enabled, id);
    }

    public boolean delete(long id) {
        return jdbc.update("DELETE FROM app_user WHERE id = ?", id) == 1;
    }
}
