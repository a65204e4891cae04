package org.xiaoche.web.dataset;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.web.system.SpatialSql;

import java.sql.PreparedStatement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code dataset}, {@code school} and {@code student} tables. Student homes are stored as points, never logged. */
@Repository
public class DatasetRepository {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final RowMapper<Dataset> ROW = (rs, i) -> new Dataset(rs.getLong("id"), rs.getLong("region_id"),
            rs.getString("name"), rs.getString("coordinate_system"), rs.getString("schools_file"), rs.getString("students_file"),
            rs.getInt("school_count"), rs.getInt("student_count"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final SpatialSql spatial;

    public DatasetRepository(JdbcTemplate jdbc, SpatialSql spatial) {
        this.jdbc = jdbc;
        this.spatial = spatial;
    }

    /**
     * Inserts the dataset row and its schools, with no students yet ({@link #insertStudents} adds them,
     * {@link #setStudentCount} records how many); the caller provides the transaction.
     */
    public long insert(long regionId, String name, String coordinateSystem, String schoolsFile, String studentsFile,
                       List<School> schools, String createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO dataset (region_id, name, coordinate_system, schools_file,"
                    + " students_file, school_count, student_count, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[]{"id"});
            ps.setLong(1, regionId);
            ps.setString(2, name);
            ps.setString(3, coordinateSystem);
            ps.setString(4, schoolsFile);
            ps.setString(5, studentsFile);
            ps.setInt(6, schools.size());
            ps.setInt(7, 0);
            ps.setString(8, createdBy);
            ps.setTimestamp(9, Timestamp.from(Instant.now()));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.batchUpdate("INSERT INTO school (dataset_id, school_id, name, level, capacity, bell_time, dismissal_time,"
                        + " teaching_point, location, boarding_beds, canteen_seats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + spatial.geometryParameter() + ", ?, ?)",
                schools, 1000, (ps, s) -> {
                    ps.setLong(1, id);
                    ps.setString(2, s.id());
                    ps.setString(3, s.name());
                    ps.setString(4, s.level().name());
                    ps.setInt(5, s.capacity());
                    setTime(ps, 6, s.bellTime());
                    setTime(ps, 7, s.dismissalTime());
                    ps.setBoolean(8, s.teachingPoint());
                    ps.setBytes(9, spatial.toEwkb(point(s.location())));
                    setCount(ps, 10, s.boardingBeds());
                    setCount(ps, 11, s.canteenSeats());
                });
        return id;
    }

    /** Adds students to a dataset being inserted, in the caller's transaction. */
    public void insertStudents(long id, List<Student> students) {
        jdbc.batchUpdate("INSERT INTO student (dataset_id, student_id, school_id, grade, wheelchair, home) VALUES (?, ?, ?, ?, ?, "
                        + spatial.geometryParameter() + ")",
                students, 1000, (ps, s) -> {
                    ps.setLong(1, id);
                    ps.setString(2, s.id());
                    ps.setString(3, s.schoolId());
                    ps.setInt(4, s.grade());
                    ps.setBoolean(5, s.wheelchair());
                    ps.setBytes(6, spatial.toEwkb(point(s.home())));
                });
    }

    public void setStudentCount(long id, long students) {
        jdbc.update("UPDATE dataset SET student_count = ? WHERE id = ?", Math.toIntExact(students), id);
    }

    public Optional<Dataset> findById(long id) {
        return jdbc.query("SELECT * FROM dataset WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<Dataset> listByRegion(long regionId) {
        return jdbc.query("SELECT * FROM dataset WHERE region_id = ? ORDER BY id", ROW, regionId);
    }

    /** A count that may be unknown (null). */
    private static void setCount(java.sql.PreparedStatement ps, int index, Integer count) throws java.sql.SQLException {
        if (count == null) {
            ps.setNull(index, java.sql.Types.INTEGER);
        } else {
            ps.setInt(index, count);
        }
    }

    public List<School> schools(long datasetId) {
        return jdbc.query("SELECT school_id, name, level, capacity, bell_time, dismissal_time, teaching_point,"
                + " boarding_beds, canteen_seats, "
                + spatial.asBinary("location") + " AS wkb FROM school WHERE dataset_id = ? ORDER BY school_id", (rs, i) -> {
            Time bell = rs.getTime("bell_time");
            Time dismissal = rs.getTime("dismissal_time");
            return new School(rs.getString("school_id"), rs.getString("name"), SchoolLevel.valueOf(rs.getString("level")),
                    lonLat(rs.getBytes("wkb")), rs.getInt("capacity"), bell == null ? null : bell.toLocalTime(),
                    dismissal == null ? null : dismissal.toLocalTime(), rs.getBoolean("teaching_point"),
                    rs.getObject("boarding_beds", Integer.class), rs.getObject("canteen_seats", Integer.class));
        }, datasetId);
    }

    public List<Student> students(long datasetId) {
        return jdbc.query("SELECT student_id, school_id, grade, wheelchair, " + spatial.asBinary("home")
                + " AS wkb FROM student WHERE dataset_id = ? ORDER BY student_id", (rs, i) -> new Student(
                rs.getString("student_id"), rs.getString("school_id"), rs.getInt("grade"), lonLat(rs.getBytes("wkb")),
                rs.getBoolean("wheelchair")), datasetId);
    }

    public long countStudents(long datasetId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM student WHERE dataset_id = ?", Long.class, datasetId);
        return n == null ? 0 : n;
    }

    public boolean delete(long id) {
        return jdbc.update("DELETE FROM dataset WHERE id = ?", id) == 1;
    }

    private LonLat lonLat(byte[] wkb) {
        Point p = (Point) spatial.fromWkb(wkb);
        return new LonLat(p.getX(), p.getY());
    }

    private static Point point(LonLat p) {
        return WGS84.createPoint(new Coordinate(p.lon(), p.lat()));
    }

    private static void setTime(PreparedStatement ps, int index, java.time.LocalTime time) throws java.sql.SQLException {
        if (time == null) {
            ps.setNull(index, Types.TIME);
        } else {
            ps.setTime(index, Time.valueOf(time));
        }
    }
}
