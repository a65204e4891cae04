package org.xiaoche.web.operator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code operator_company} table and the company column of {@code app_user}: which company an
 * operator account belongs to. The account code keeps the rest of the user.
 */
@Repository
public class OperatorCompanyRepository {

    private static final RowMapper<OperatorCompany> ROW = (rs, i) -> new OperatorCompany(rs.getLong("id"),
            rs.getString("name"), rs.getString("phone"), rs.getString("url"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public OperatorCompanyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<OperatorCompany> listAll() {
        return jdbc.query("SELECT * FROM operator_company ORDER BY name, id", ROW);
    }

    public Optional<OperatorCompany> findById(long id) {
        return jdbc.query("SELECT * FROM operator_company WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<OperatorCompany> findByName(String name) {
        return jdbc.query("SELECT * FROM operator_company WHERE name = ? ORDER BY id", ROW, name).stream().findFirst();
    }

    public long insert(String name, String phone, String url) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO operator_company (name, phone, url, created_at)"
                    + " VALUES (?, ?, ?, ?)", new String[]{"id"});
            ps.setString(1, name);
            ps.setString(2, phone);
            ps.setString(3, url);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public boolean update(long id, String name, String phone, String url) {
        return jdbc.update("UPDATE operator_company SET name = ?, phone = ?, url = ? WHERE id = ?", name, phone, url, id) == 1;
    }

    public boolean delete(long id) {
        return jdbc.update("DELETE FROM operator_company WHERE id = ?", id) == 1;
    }

    /** Buses of any plan assigned to the company. */
    public long assignedBuses(long id) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM plan_bus_operator WHERE operator_id = ?", Long.class, id);
        return n == null ? 0 : n;
    }

    /** The company of the account {@code username}, if it has one. */
    public Optional<Long> companyOf(String username) {
        return jdbc.queryForList("SELECT operator_id FROM app_user WHERE username = ? AND operator_id IS NOT NULL",
                Long.class, username).stream().findFirst();
    }

    /** Links (or with null unlinks) an account to a company; false when there is no such account. */
    public boolean setCompany(String username, Long companyId) {
        return jdbc.update("UPDATE app_user SET operator_id = ? WHERE username = ?", companyId, username) == 1;
    }

    /** User names of the accounts linked to the company. */
    public List<String> members(long id) {
        return jdbc.queryForList("SELECT username FROM app_user WHERE operator_id = ? ORDER BY username", String.class, id);
    }
}
