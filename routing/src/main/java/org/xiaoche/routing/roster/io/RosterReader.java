package org.xiaoche.routing.roster.io;

import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.roster.NetworkArea;
import org.xiaoche.routing.roster.Roster;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;

import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads school and student rosters from CSV ({@code .csv}, {@code .txt}), XLSX ({@code .xlsx}) or
 * GeoJSON ({@code .geojson}, {@code .json}), chosen by extension and checked against the content.
 *
 * <p>Imports are all-or-nothing: either every row is valid and the full list is returned, or an
 * {@link ImportRejectedException} lists every problem found (file, line, column, reason) and nothing
 * is returned. Coordinates are converted from {@code crs} to WGS-84 and must lie inside {@code area}.
 *
 * <p>Column names are case-insensitive and accept Chinese aliases (学校编号, 经度, 纬度, …); extra
 * columns are ignored. Schools: {@code school_id, name, level, lon, lat, bell_time, dismissal_time}
 * required, {@code capacity} (0 = unknown), {@code teaching_point} (default false), {@code boarding_beds} (寄宿床位)
 * and {@code canteen_seats} (食堂座位) (empty = unknown) optional.
 * Students: {@code student_id, school_id, grade, lon, lat} required, {@code wheelchair} optional.
 */
public final class RosterReader {

    private RosterReader() {
    }

    /**
     * Reads a school roster.
     *
     * @return the schools in file order; never empty
     * @throws ImportRejectedException when the file has any problem
     * @throws IOException             when the file cannot be read from disk
     */
    public static List<School> readSchools(Path file, CoordinateSystem crs, NetworkArea area)
            throws IOException, ImportRejectedException {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(area, "area");
        ProblemList problems = new ProblemList(fileName(file));
        SchoolRows rows = new SchoolRows(problems, crs, area);
        read(file, rows, problems);
        if (problems.isEmpty() && rows.schools().isEmpty()) {
            noRows(problems, rows.sawHeader(), "schools");
        }
        problems.throwIfAny();
        return List.copyOf(rows.schools());
    }

    /**
     * Reads a schools file, then a students file against those schools: the roster a plan is made from.
     *
     * @throws ImportRejectedException when either file has any problem (the schools file is read first)
     */
    public static Roster readRoster(Path schoolsFile, Path studentsFile, CoordinateSystem crs, NetworkArea area)
            throws IOException, ImportRejectedException {
        List<School> schools = readSchools(schoolsFile, crs, area);
        Map<String, School> byId = new java.util.LinkedHashMap<>();
        schools.forEach(s -> byId.put(s.id(), s));
        return new Roster(schools, readStudents(studentsFile, crs, area, byId));
    }

    /**
     * Reads a student roster. Each student's school must be in {@code schoolsById} and teach the
     * student's grade. Problem reasons never contain home coordinates.
     *
     * @return the students in file order; never empty
     * @throws ImportRejectedException when the file has any problem
     * @throws IOException             when the file cannot be read from disk
     */
    public static List<Student> readStudents(Path file, CoordinateSystem crs, NetworkArea area,
                                             Map<String, School> schoolsById)
            throws IOException, ImportRejectedException {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(schoolsById, "schoolsById");
        ProblemList problems = new ProblemList(fileName(file));
        StudentRows rows = new StudentRows(problems, crs, area, schoolsById);
        read(file, rows, problems);
        if (problems.isEmpty() && rows.students().isEmpty()) {
            noRows(problems, rows.sawHeader(), "students");
        }
        problems.throwIfAny();
        return List.copyOf(rows.students());
    }

    /**
     * Reads a student roster like {@link #readStudents}, handing the students to {@code batches} in
     * file order, at most {@code batchSize} at a time, while no problem has been found, so that a caller
     * storing a large file never holds all of it. When this throws, the batches already handed on are
     * not a roster: the caller discards them (e.g. rolls back their transaction). Progress goes to
     * {@code progress} under {@code stage}, as the fraction of the file's bytes read.
     *
     * @return how many students the file has (all of them handed on)
     * @throws ImportRejectedException when the file has any problem
     * @throws IOException             when the file cannot be read from disk
     */
    public static long streamStudents(Path file, CoordinateSystem crs, NetworkArea area, Map<String, School> schoolsById,
                                      int batchSize, Consumer<List<Student>> batches, String stage, ProgressListener progress)
            throws IOException, ImportRejectedException {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(schoolsById, "schoolsById");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        ProblemList problems = new ProblemList(fileName(file));
        StudentRows rows = new StudentRows(problems, crs, area, schoolsById, batchSize, batches);
        read(file, rows, problems, new ByteProgress(progress, stage, Files.size(file)));
        rows.finish();
        if (problems.isEmpty() && rows.count() == 0) {
            noRows(problems, rows.sawHeader(), "students");
        }
        problems.throwIfAny();
        return rows.count();
    }

    /** The problem of a file with no rows: only a header, or nothing at all. */
    private static void noRows(ProblemList problems, boolean sawHeader, String what) {
        if (sawHeader) {
            problems.fileProblem("no-" + what, "the file has a header but no " + what);
        } else {
            problems.fileProblem("empty-file", "the file is empty");
        }
    }

    private static void read(Path file, TableSink sink, ProblemList problems) throws IOException {
        read(file, sink, problems, ByteProgress.NONE);
    }

    private static void read(Path file, TableSink sink, ProblemList problems, ByteProgress progress) throws IOException {
        TableReader reader = readerFor(file, problems);
        if (reader != null) {
            reader.read(file, sink, problems, progress);
        }
    }

    /** The reader for the file's extension; null (with a problem) when the extension is not supported. */
    private static TableReader readerFor(Path file, ProblemList problems) {
        String name = problems.file().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        switch (extension) {
            case "csv", "txt":
                return new CsvTableReader();
            case "xlsx":
                return new XlsxTableReader();
            case "geojson", "json":
                return new GeoJsonTableReader();
            case "xls":
                problems.fileProblem("xls-workbook", "old binary Excel (.xls) files are not supported; save it as .xlsx or CSV");
                return null;
            default:
                problems.fileProblem("unsupported-type", "unsupported file type '" + extension
                        + "'; use .csv, .txt, .xlsx, .geojson or .json", extension);
                return null;
        }
    }

    private static String fileName(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
