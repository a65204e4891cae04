package org.xiaoche.web.adoption;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code plan_adoption} and {@code plan_bus_operator} tables. Whether an adoption is current is asked
 * of its term and the day given, never stored: an adoption whose term ended is history without any write.
 */
@Repository
public class AdoptionRepository {

    /** Neither superseded nor withdrawn, and its term not over on the day bound to the next {@code ?}. */
    private static final String CURRENT = "superseded_at IS NULL AND valid_to >= ?";

    private static final RowMapper<Adoption> ROW = (rs, i) -> new Adoption(rs.getLong("id"),
            (Long) rs.getObject("plan_id", Long.class), rs.getLong("region_id"), rs.getString("term_name"),
            rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(), rs.getString("adopted_by"),
            rs.getTimestamp("adopted_at").toInstant(), (Long) rs.getObject("superseded_by", Long.class),
            rs.getString("superseded_by_user"), instant(rs.getTimestamp("superseded_at")));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AdoptionRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long insert(long planId, long regionId, String termName, LocalDate validFrom, LocalDate validTo, String adoptedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO plan_adoption (plan_id, region_id, term_name, valid_from,"
                    + " valid_to, adopted_by, adopted_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[]{"id"});
            ps.setLong(1, planId);
            ps.setLong(2, regionId);
            ps.setString(3, termName);
            ps.setDate(4, Date.valueOf(validFrom));
            ps.setDate(5, Date.valueOf(validTo));
            ps.setString(6, adoptedBy);
            ps.setTimestamp(7, Timestamp.from(clock.instant()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<Adoption> findById(long id) {
        return jdbc.query("SELECT * FROM plan_adoption WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Every adoption, in force and superseded, newest first; of one region when {@code regionId} is given. */
    public List<Adoption> list(Long regionId) {
        return regionId == null ? jdbc.query("SELECT * FROM plan_adoption ORDER BY id DESC", ROW)
                : jdbc.query("SELECT * FROM plan_adoption WHERE region_id = ? ORDER BY id DESC", ROW, regionId);
    }

    /**
     * Current adoptions (in force or upcoming on {@code today}) in the region whose term shares a day with
     * {@code from}..{@code to}; an expired one ran its term and stays as it is.
     */
    public List<Adoption> currentOverlapping(long regionId, LocalDate from, LocalDate to, LocalDate today) {
        return jdbc.query("SELECT * FROM plan_adoption WHERE region_id = ? AND " + CURRENT
                + " AND valid_from <= ? AND valid_to >= ? ORDER BY id", ROW, regionId, Date.valueOf(today),
                Date.valueOf(to), Date.valueOf(from));
    }

    public void supersede(long id, long byAdoptionId, String byUser) {
        jdbc.update("UPDATE plan_adoption SET superseded_by = ?, superseded_by_user = ?, superseded_at = ? WHERE id = ?",
                byAdoptionId, byUser, Timestamp.from(clock.instant()), id);
    }

    /** Ends an adoption in force with no successor. */
    public void withdraw(long id, String byUser) {
        jdbc.update("UPDATE plan_adoption SET superseded_by_user = ?, superseded_at = ? WHERE id = ? AND superseded_at IS NULL",
                byUser, Timestamp.from(clock.instant()), id);
    }

    /** Serialises adoptions per region: the caller's transaction holds the region row until it ends. */
    public void lockRegion(long regionId) {
        jdbc.queryForList("SELECT id FROM region WHERE id = ? FOR UPDATE", Long.class, regionId);
    }

    /** Whether the plan was ever adopted (in force or superseded): such a plan is read-only. */
    public boolean everAdopted(long planId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM plan_adoption WHERE plan_id = ?", Long.class, planId);
        return n != null && n > 0;
    }

    /** Current adoptions (in force or upcoming on {@code today}) of the plans of a dataset. */
    public List<Adoption> currentInDataset(long datasetId, LocalDate today) {
        return jdbc.query("SELECT a.* FROM plan_adoption a JOIN plan p ON p.id = a.plan_id WHERE p.dataset_id = ?"
                + " AND a.superseded_at IS NULL AND a.valid_to >= ? ORDER BY a.id", ROW, datasetId, Date.valueOf(today));
    }

    public List<Adoption> currentInRegion(long regionId, LocalDate today) {
        return jdbc.query("SELECT * FROM plan_adoption WHERE region_id = ? AND " + CURRENT + " AND plan_id IS NOT NULL"
                + " ORDER BY id", ROW, regionId, Date.valueOf(today));
    }

    /** Bus id → operator company id for the plan's assigned buses. */
    public Map<String, Long> assignments(long planId) {
        Map<String, Long> byBus = new TreeMap<>();
        jdbc.query("SELECT bus_id, operator_id FROM plan_bus_operator WHERE plan_id = ?",
                rs -> { byBus.put(rs.getString("bus_id"), rs.getLong("operator_id")); }, planId);
        return byBus;
    }

    /** Assigns each bus to the company, or with a null company leaves it unassigned. */
    public void assign(long planId, List<String> busIds, Long operatorId) {
        jdbc.batchUpdate("DELETE FROM plan_bus_operator WHERE plan_id = ? AND bus_id = ?", busIds, 500, (ps, bus) -> {
            ps.setLong(1, planId);
            ps.setString(2, bus);
        });
        if (operatorId != null) {
            jdbc.batchUpdate("INSERT INTO plan_bus_operator (plan_id, bus_id, operator_id) VALUES (?, ?, ?)", busIds, 500,
                    (ps, bus) -> {
                        ps.setLong(1, planId);
                        ps.setString(2, bus);
                        ps.setLong(3, operatorId);
                    });
        }
    }

    /** Plan id → the company's buses, over the plans whose adoption is current (in force or upcoming on {@code today}). */
    public Map<Long, Set<String>> busesCurrent(long operatorId, LocalDate today) {
        Map<Long, Set<String>> byPlan = new HashMap<>();
        jdbc.query("SELECT DISTINCT b.plan_id, b.bus_id FROM plan_bus_operator b JOIN plan_adoption a ON a.plan_id = b.plan_id"
                        + " WHERE b.operator_id = ? AND a.superseded_at IS NULL AND a.valid_to >= ?",
                rs -> { byPlan.computeIfAbsent(rs.getLong("plan_id"), k -> new TreeSet<>()).add(rs.getString("bus_id")); },
                operatorId, Date.valueOf(today));
        return byPlan;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
