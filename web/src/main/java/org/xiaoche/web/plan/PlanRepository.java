package org.xiaoche.web.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.export.PlanLayers;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.PlanSummary;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;
import org.xiaoche.routing.validation.Violation;
import org.xiaoche.web.system.SpatialSql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code plan}, {@code plan_stop}, {@code plan_run}, {@code plan_run_stop}, {@code plan_student} and
 * {@code plan_school_eligibility} (counts per school) tables. The plan row also holds the engine's plan
 * value ({@link #findPlanValue}): student ids but no homes. Student homes stay in {@code student}; {@link #students} joins them for planners only.
 */
@Repository
public class PlanRepository {

    /** Only the first violations are kept as text: enough to see what went wrong. */
    static final int MAX_STORED_VIOLATIONS = 50;

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    // Everything but the plan value, which only findPlanValue reads.
    private static final String PLAN_COLUMNS = "p.id, p.dataset_id, p.job_id, p.solver, p.valid, p.validator_verdict,"
            + " p.violations, p.needing_transport, p.transported, p.unserved, p.cap_infeasible, p.stops, p.buses, p.runs,"
            + " p.bus_km_per_day, p.cost_per_day, p.ride_p50_s, p.ride_p90_s, p.ride_max_s, p.students_over_caps,"
            + " p.coverage_complete, p.coverage_verdict, p.buses_beyond_fleet, p.walk_over_limit, p.unserved_by_reason,"
            + " p.solver_wall_cap_hits, p.created_by, p.created_at, d.region_id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RowMapper<Plan> PLAN = (rs, i) -> new Plan(rs.getLong("id"), rs.getLong("dataset_id"),
            rs.getLong("region_id"), (Long) rs.getObject("job_id", Long.class), rs.getString("solver"), rs.getBoolean("valid"),
            rs.getString("validator_verdict"), rs.getString("violations"), rs.getInt("needing_transport"),
            rs.getInt("transported"), rs.getInt("unserved"), rs.getInt("cap_infeasible"), rs.getInt("stops"), rs.getInt("buses"),
            rs.getInt("runs"), rs.getDouble("bus_km_per_day"), rs.getDouble("cost_per_day"), nullable(rs, "ride_p50_s"),
            nullable(rs, "ride_p90_s"), nullable(rs, "ride_max_s"), rs.getInt("students_over_caps"),
            rs.getBoolean("coverage_complete"), rs.getString("coverage_verdict"), rs.getInt("buses_beyond_fleet"),
            rs.getInt("walk_over_limit"), reasons(rs.getString("unserved_by_reason")), rs.getInt("solver_wall_cap_hits"),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());

    /** A stored stop; {@code name} is the stop's name as the plan value keeps it ({@code PlanStop.name}). */
    public record StopRow(String stopId, String name, String roadName, int studentCount, int grades1to3Count, LonLat location) {
    }

    /** A stored run; {@code line} is the road geometry, empty when none could be drawn. */
    public record RunRow(String runId, String busId, String busType, int seats, String direction, String schoolId,
                         int students, double start_s, double end_s, double length_km, List<LonLat> line) {
    }

    /** One place of a run's timetable; {@code placeId} is a stop id, or a school id when {@code school}. */
    public record TimetableRow(int seq, String placeId, boolean school, double arrival_s, double departure_s,
                               int boarding, int alighting, int loadAfter) {
    }

    /** A student who needed transport, with the home: planners only. Times are NaN when not served. */
    public record StudentRow(String studentId, String schoolId, int grade, String stopId, double walkToStop_m,
                             String amRunId, double pickup_s, double ride_s, double journey_s, boolean capInfeasible,
                             String reason, LonLat home) {
    }

    private final JdbcTemplate jdbc;
    private final SpatialSql spatial;

    public PlanRepository(JdbcTemplate jdbc, SpatialSql spatial) {
        this.jdbc = jdbc;
        this.spatial = spatial;
    }

    /**
     * Stores a whole plan: the plan row with its summary, both parts of the verdict and the plan value
     * ({@code result.plan()}, as {@link PlanCodec} writes it, gzip-compressed), then its stops, runs,
     * timetables and student rows. The caller provides the transaction, so all of it is stored or none.
     *
     * @param lines road geometry per run id
     */
    public long insert(long datasetId, Long jobId, PlanResult result, Map<String, List<LonLat>> lines,
                       String policyJson, String fleetJson, String createdBy) {
        return insert(datasetId, jobId, result.plan(), PlanLayers.stops(result), result.eligibility().schools(), lines,
                policyJson, fleetJson, createdBy);
    }

    /**
     * Stores a plan value whose stop rows and per-school eligibility counts the caller gives (a hand-edited
     * plan has no stop plan or eligibility of its own: it keeps its parent's); otherwise as {@link
     * #insert(long, Long, PlanResult, Map, String, String, String)}.
     */
    public long insert(long datasetId, Long jobId, org.xiaoche.routing.plan.Plan value, List<PlanLayers.Stop> stopRows,
                       List<SchoolEligibilitySummary> eligibility, Map<String, List<LonLat>> lines, String policyJson,
                       String fleetJson, String createdBy) {
        PlanSummary s = value.summary();
        String violations = value.validation().violations().stream().limit(MAX_STORED_VIOLATIONS)
                .map(Violation::toString).collect(Collectors.joining("\n"));
        byte[] stored = gzip(PlanCodec.toBytes(value));
        String byReason = reasonsText(s.unservedByReason());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO plan (dataset_id, job_id, solver, valid, validator_verdict,"
                    + " violations, needing_transport, transported, unserved, cap_infeasible, stops, buses, runs, bus_km_per_day,"
                    + " cost_per_day, ride_p50_s, ride_p90_s, ride_max_s, students_over_caps, policy, fleet, created_by, created_at,"
                    + " plan_value, coverage_complete, coverage_verdict, buses_beyond_fleet, walk_over_limit, unserved_by_reason,"
                    + " solver_wall_cap_hits)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[]{"id"});
            ps.setLong(1, datasetId);
            if (jobId == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, jobId);
            }
            ps.setString(3, truncate(s.solver(), 200));
            ps.setBoolean(4, s.rulesValid());
            ps.setString(5, truncate(s.rulesVerdict(), 300));
            ps.setString(6, violations.isEmpty() ? null : truncate(violations, 8000));
            ps.setInt(7, s.needingTransport());
            ps.setInt(8, s.transported());
            ps.setInt(9, s.unserved());
            ps.setInt(10, s.capInfeasible());
            ps.setInt(11, s.stops());
            ps.setInt(12, s.buses());
            ps.setInt(13, s.runs());
            ps.setDouble(14, s.busKmPerDay());
            ps.setDouble(15, s.costPerDay());
            setSeconds(ps, 16, s.rideP50_s());
            setSeconds(ps, 17, s.rideP90_s());
            setSeconds(ps, 18, s.rideMax_s());
            ps.setInt(19, s.studentsOverCaps());
            ps.setString(20, truncate(policyJson, 8000));
            ps.setString(21, truncate(fleetJson, 8000));
            ps.setString(22, createdBy);
            ps.setTimestamp(23, Timestamp.from(Instant.now()));
            ps.setBytes(24, stored);
            ps.setBoolean(25, s.coverageComplete());
            ps.setString(26, truncate(s.coverageVerdict(), 500));
            ps.setInt(27, s.busesBeyondFleet());
            ps.setInt(28, s.walkOverLimit());
            ps.setString(29, byReason);
            ps.setInt(30, s.solverWallCapHits());
            return ps;
        }, keys);
        long planId = keys.getKey().longValue();

        jdbc.batchUpdate("INSERT INTO plan_stop (plan_id, stop_id, stop_name, road_name, student_count, grades_1_3_count, location)"
                + " VALUES (?, ?, ?, ?, ?, ?, " + spatial.geometryParameter() + ")", stopRows, 1000, (ps, stop) -> {
            ps.setLong(1, planId);
            ps.setString(2, stop.stopId());
            ps.setString(3, truncate(stop.stopName(), 300));
            ps.setString(4, truncate(stop.roadName(), 300));
            ps.setInt(5, stop.students());
            ps.setInt(6, stop.youngPupils());
            ps.setBytes(7, spatial.toEwkb(WGS84.createPoint(new Coordinate(stop.location().lon(), stop.location().lat()))));
        });

        List<Object[]> runs = new ArrayList<>();
        List<Object[]> timetable = new ArrayList<>();
        for (Bus bus : value.buses()) {
            for (BusRun run : bus.runs()) {
                List<LonLat> line = lines.getOrDefault(run.runId(), List.of());
                runs.add(new Object[]{bus, run, line});
                for (TimedStop t : run.stops()) {
                    timetable.add(new Object[]{run.runId(), t});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO plan_run (plan_id, run_id, bus_id, bus_type, seats, direction, school_id, students,"
                + " start_s, end_s, length_km, geometry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + spatial.geometryParameter() + ")", runs, 500, (ps, row) -> {
            Bus bus = (Bus) row[0];
            BusRun run = (BusRun) row[1];
            @SuppressWarnings("unchecked") List<LonLat> line = (List<LonLat>) row[2];
            ps.setLong(1, planId);
            ps.setString(2, run.runId());
            ps.setString(3, bus.busId());
            ps.setString(4, bus.busTypeId());
            ps.setInt(5, bus.seats());
            ps.setString(6, run.direction().name());
            ps.setString(7, run.schoolId());
            ps.setInt(8, run.students());
            ps.setDouble(9, run.first().arrival_s());
            ps.setDouble(10, run.last().arrival_s());
            ps.setDouble(11, Math.round(PlanLayers.length_km(line) * 10) / 10.0);
            Geometry geometry = line.size() >= 2 ? WGS84.createLineString(line.stream()
                    .map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new)) : null;
            if (geometry == null) {
                ps.setNull(12, Types.BINARY);
            } else {
                ps.setBytes(12, spatial.toEwkb(geometry));
            }
        });
        jdbc.batchUpdate("INSERT INTO plan_run_stop (plan_id, run_id, seq, place_id, is_school, arrival_s, departure_s,"
                + " boarding, alighting, load_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", timetable, 1000, (ps, row) -> {
            TimedStop t = (TimedStop) row[1];
            ps.setLong(1, planId);
            ps.setString(2, (String) row[0]);
            ps.setInt(3, t.seq());
            ps.setString(4, t.placeId());
            ps.setBoolean(5, t.school());
            ps.setDouble(6, t.arrival_s());
            ps.setDouble(7, t.departure_s());
            ps.setInt(8, t.boarding());
            ps.setInt(9, t.alighting());
            ps.setInt(10, t.loadAfter());
        });

        jdbc.batchUpdate("INSERT INTO plan_school_eligibility (plan_id, school_id, school_name, students, walkers,"
                + " needs_transport, unreachable) VALUES (?, ?, ?, ?, ?, ?, ?)", eligibility, 500, (ps, e) -> {
            ps.setLong(1, planId);
            ps.setString(2, e.schoolId());
            ps.setString(3, truncate(e.schoolName(), 300));
            ps.setInt(4, e.students());
            ps.setInt(5, e.walkers());
            ps.setInt(6, e.needsTransport());
            ps.setInt(7, e.unreachable());
        });

        List<Object[]> students = new ArrayList<>();
        value.journeys().forEach(j -> students.add(new Object[]{j.studentId(), j}));
        value.unserved().forEach(u -> students.add(new Object[]{u.studentId(), u.reason()}));
        jdbc.batchUpdate("INSERT INTO plan_student (plan_id, dataset_id, student_id, stop_id, walk_to_stop_m, am_run_id,"
                + " pickup_s, school_arrival_s, ride_s, journey_s, pm_run_id, dropoff_s, cap_infeasible, reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", students, 1000, (ps, row) -> {
            ps.setLong(1, planId);
            ps.setLong(2, datasetId);
            ps.setString(3, (String) row[0]);
            if (row[1] instanceof StudentJourney j) {
                ps.setString(4, j.stopId());
                setSeconds(ps, 5, j.walk_m());
                ps.setString(6, j.amRunId());
                setSeconds(ps, 7, j.pickup_s());
                setSeconds(ps, 8, j.schoolArrival_s());
                setSeconds(ps, 9, j.amRide_s());
                setSeconds(ps, 10, j.amJourney_s());
                ps.setString(11, j.pmRunId());
                setSeconds(ps, 12, j.dropoff_s());
                ps.setBoolean(13, j.capInfeasible());
                ps.setString(14, truncate(j.capReason(), 500));
            } else {
                for (int column = 4; column <= 12; column++) {
                    ps.setNull(column, column == 4 || column == 6 || column == 11 ? Types.VARCHAR : Types.DOUBLE);
                }
                ps.setBoolean(13, false);
                ps.setString(14, truncate("unserved: " + row[1], 500));
            }
        });
        return planId;
    }

    public Optional<Plan> findById(long id) {
        return jdbc.query("SELECT " + PLAN_COLUMNS + " FROM plan p JOIN dataset d ON d.id = p.dataset_id WHERE p.id = ?", PLAN, id)
                .stream().findFirst();
    }

    /**
     * The plan value stored with plan {@code planId}, read back as the engine's {@link
     * org.xiaoche.routing.plan.Plan}; empty when there is no such plan or it was stored before plan
     * values were (schema V3).
     */
    public Optional<org.xiaoche.routing.plan.Plan> findPlanValue(long planId) {
        return jdbc.query("SELECT plan_value FROM plan WHERE id = ?", (rs, i) -> rs.getBytes("plan_value"), planId).stream()
                .filter(java.util.Objects::nonNull).findFirst().map(bytes -> PlanCodec.fromBytes(gunzip(bytes)));
    }

    /**
     * Each school's counts from the eligibility the plan was made with, in school id order (walk
     * percentiles not kept: NaN); empty for plans stored before schema V45.
     */
    public List<SchoolEligibilitySummary> schoolEligibility(long planId) {
        return jdbc.query("SELECT school_id, school_name, students, walkers, needs_transport, unreachable"
                + " FROM plan_school_eligibility WHERE plan_id = ? ORDER BY school_id", (rs, i) -> new SchoolEligibilitySummary(
                rs.getString("school_id"), rs.getString("school_name"), rs.getInt("students"), rs.getInt("walkers"),
                rs.getInt("needs_transport"), rs.getInt("unreachable"), Double.NaN, Double.NaN, Double.NaN), planId);
    }

    /** The fleet and policy a plan was made with, as stored (JSON). */
    public record Inputs(String fleetJson, String policyJson) {
    }

    public Inputs inputs(long planId) {
        return jdbc.queryForObject("SELECT fleet, policy FROM plan WHERE id = ?",
                (rs, i) -> new Inputs(rs.getString("fleet"), rs.getString("policy")), planId);
    }

    /** Deletes a plan; its stops, runs, timetables and assignments go with it (ON DELETE CASCADE). */
    public boolean delete(long planId) {
        return jdbc.update("DELETE FROM plan WHERE id = ?", planId) == 1;
    }

    /**
     * The plans of a region or dataset, newest first; a scenario's own plan is listed with its scenario
     * ({@code /api/scenarios}), not here, though every plan view opens it by id.
     */
    public List<Plan> list(Long regionId, Long datasetId) {
        // Conditions are added only when given: PostgreSQL cannot type a "? IS NULL" parameter.
        StringBuilder sql = new StringBuilder("SELECT " + PLAN_COLUMNS + " FROM plan p JOIN dataset d ON d.id = p.dataset_id"
                + " WHERE NOT EXISTS (SELECT 1 FROM scenario s WHERE s.plan_id = p.id)");
        List<Object> args = new ArrayList<>();
        if (regionId != null) {
            sql.append(" AND d.region_id = ?");
            args.add(regionId);
        }
        if (datasetId != null) {
            sql.append(" AND p.dataset_id = ?");
            args.add(datasetId);
        }
        return jdbc.query(sql + " ORDER BY p.id DESC", PLAN, args.toArray());
    }

    public List<StopRow> stops(long planId) {
        return jdbc.query("SELECT stop_id, stop_name, road_name, student_count, grades_1_3_count, " + spatial.asBinary("location")
                + " AS wkb FROM plan_stop WHERE plan_id = ? ORDER BY stop_id", (rs, i) -> new StopRow(rs.getString("stop_id"),
                rs.getString("stop_name"), rs.getString("road_name"), rs.getInt("student_count"), rs.getInt("grades_1_3_count"),
                point(rs.getBytes("wkb"))), planId);
    }

    public List<RunRow> runs(long planId) {
        return jdbc.query("SELECT run_id, bus_id, bus_type, seats, direction, school_id, students, start_s, end_s, length_km, "
                + spatial.asBinary("geometry") + " AS wkb FROM plan_run WHERE plan_id = ? ORDER BY bus_id, direction, start_s, run_id",
                (rs, i) -> new RunRow(rs.getString("run_id"), rs.getString("bus_id"), rs.getString("bus_type"), rs.getInt("seats"),
                        rs.getString("direction"), rs.getString("school_id"), rs.getInt("students"), rs.getDouble("start_s"),
                        rs.getDouble("end_s"), rs.getDouble("length_km"), line(rs.getBytes("wkb"))), planId);
    }

    public boolean runExists(long planId, String runId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM plan_run WHERE plan_id = ? AND run_id = ?", Long.class, planId, runId);
        return n != null && n > 0;
    }

    public List<TimetableRow> timetable(long planId, String runId) {
        return jdbc.query("SELECT seq, place_id, is_school, arrival_s, departure_s, boarding, alighting, load_after"
                + " FROM plan_run_stop WHERE plan_id = ? AND run_id = ? ORDER BY seq", (rs, i) -> new TimetableRow(rs.getInt("seq"),
                rs.getString("place_id"), rs.getBoolean("is_school"), rs.getDouble("arrival_s"), rs.getDouble("departure_s"),
                rs.getInt("boarding"), rs.getInt("alighting"), rs.getInt("load_after")), planId, runId);
    }

    /** Every call of a run at a stop of the plan (schools left out): one query for the stop layer. */
    public List<PlanLayers.StopCall> stopCalls(long planId) {
        return jdbc.query("SELECT place_id, run_id, arrival_s FROM plan_run_stop WHERE plan_id = ? AND is_school = false"
                + " ORDER BY place_id, arrival_s", (rs, i) -> new PlanLayers.StopCall(rs.getString("place_id"), rs.getString("run_id"),
                rs.getDouble("arrival_s")), planId);
    }

    public List<StudentRow> students(long planId) {
        return jdbc.query("SELECT ps.student_id, s.school_id, s.grade, ps.stop_id, ps.walk_to_stop_m, ps.am_run_id, ps.pickup_s,"
                + " ps.ride_s, ps.journey_s, ps.cap_infeasible, ps.reason, " + spatial.asBinary("s.home") + " AS wkb"
                + " FROM plan_student ps JOIN plan p ON p.id = ps.plan_id"
                + " JOIN student s ON s.dataset_id = p.dataset_id AND s.student_id = ps.student_id"
                + " WHERE ps.plan_id = ? ORDER BY ps.student_id", (rs, i) -> new StudentRow(rs.getString("student_id"),
                rs.getString("school_id"), rs.getInt("grade"), rs.getString("stop_id"), nan(rs, "walk_to_stop_m"),
                rs.getString("am_run_id"), nan(rs, "pickup_s"), nan(rs, "ride_s"), nan(rs, "journey_s"),
                rs.getBoolean("cap_infeasible"), rs.getString("reason"), point(rs.getBytes("wkb"))), planId);
    }

    public long countStudentRows(long planId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM plan_student WHERE plan_id = ?", Long.class, planId);
        return n == null ? 0 : n;
    }

    private LonLat point(byte[] wkb) {
        Coordinate c = spatial.fromWkb(wkb).getCoordinate();
        return new LonLat(c.x, c.y);
    }

    private List<LonLat> line(byte[] wkb) {
        if (wkb == null) {
            return List.of();
        }
        List<LonLat> line = new ArrayList<>();
        for (Coordinate c : spatial.fromWkb(wkb).getCoordinates()) {
            line.add(new LonLat(c.x, c.y));
        }
        return line;
    }

    private static void setSeconds(PreparedStatement ps, int index, double value) throws SQLException {
        // NaN (not applicable, e.g. nobody rides) is stored as NULL so both databases agree.
        if (Double.isFinite(value)) {
            ps.setDouble(index, value);
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static double nan(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Gzip, as plan values and other large stored values are kept. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return zip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("stored plan value is not gzip data", e);
        }
    }

    /** Unserved students per reason code as a JSON object with sorted keys. */
    static String reasonsText(Map<String, Integer> byReason) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(byReason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Integer> reasons(String text) {
        try {
            return text == null || text.isBlank() ? Map.of()
                    : Map.copyOf(JSON.readValue(text, new TypeReference<TreeMap<String, Integer>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserved_by_reason is not a JSON object: " + text, e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
