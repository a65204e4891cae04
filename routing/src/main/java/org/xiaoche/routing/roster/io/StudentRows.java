package org.xiaoche.routing.roster.io;

import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.roster.NetworkArea;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns table rows into {@link Student}s, validating each field. Home locations are personal data
 * of minors: no problem reason produced here contains one.
 */
final class StudentRows implements TableSink {

    private static final Set<Column> REQUIRED = EnumSet.of(Column.STUDENT_ID, Column.SCHOOL_ID, Column.GRADE,
            Column.LON, Column.LAT);
    private static final Set<Column> OPTIONAL = EnumSet.of(Column.WHEELCHAIR);

    private final ProblemList problems;
    private final CoordinateSystem crs;
    private final NetworkArea area;
    private final Map<String, School> schoolsById;
    private final List<Student> students = new ArrayList<>();
    private final int batchSize;
    private final Consumer<List<Student>> batches;
    private long handedOn;
    private RowFields fields;

    /** Students are kept until {@link #finish()}; a large file is better read with a batch consumer. */
    StudentRows(ProblemList problems, CoordinateSystem crs, NetworkArea area, Map<String, School> schoolsById) {
        this(problems, crs, area, schoolsById, Integer.MAX_VALUE, batch -> { });
    }

    /**
     * Hands the students on in batches of {@code batchSize} while the file has shown no problem, so a
     * caller that stores them need not hold the file's students at once.
     */
    StudentRows(ProblemList problems, CoordinateSystem crs, NetworkArea area, Map<String, School> schoolsById,
                int batchSize, Consumer<List<Student>> batches) {
        this.batchSize = batchSize;
        this.batches = batches;
        this.problems = problems;
        this.crs = crs;
        this.area = area;
        this.schoolsById = schoolsById;
    }

    @Override
    public void header(long line, List<String> names) {
        fields = new RowFields(ColumnMapping.of(names, REQUIRED, OPTIONAL, problems, line), problems, true);
    }

    @Override
    public void row(long line, List<String> cells) {
        RowFields f = fields;
        f.startRow(line, cells);
        if (f.rowIsBlank()) {
            return;
        }
        String id = f.uniqueId(Column.STUDENT_ID, "student");
        String schoolId = f.id(Column.SCHOOL_ID);
        School school = null;
        if (schoolId != null) {
            school = schoolsById.get(schoolId);
            if (school == null) {
                f.problem(Column.SCHOOL_ID, "unknown-school", "unknown school id '" + schoolId + "'", schoolId);
            }
        }
        Integer grade = f.integer(f.required(Column.GRADE), Column.GRADE, 0, 9);
        if (grade != null && school != null && !school.level().teaches(grade)) {
            f.problem(Column.GRADE, "grade-not-taught", "grade " + grade + " is not taught at school '" + school.id() + "' ("
                    + SchoolRows.levelName(school.level()) + ", grades " + school.level().lowestGrade() + "–"
                    + school.level().highestGrade() + ")", grade, school.id(), school.level().lowestGrade(),
                    school.level().highestGrade());
        }
        LonLat home = f.location(crs, area);
        boolean wheelchair = f.flag(Column.WHEELCHAIR);
        if (!problems.isEmpty()) {
            // The import is already lost; stop holding rows so a huge bad file stays cheap.
            students.clear();
        } else if (f.rowIsValid()) {
            students.add(new Student(id, schoolId, grade, home, wheelchair));
            if (students.size() >= batchSize) {
                handOn();
            }
        }
    }

    /** Hands on the last batch when the file had no problem. */
    void finish() {
        if (problems.isEmpty() && !students.isEmpty()) {
            handOn();
        }
    }

    private void handOn() {
        handedOn += students.size();
        batches.accept(List.copyOf(students));
        students.clear();
    }

    /** Valid students read: those handed on plus those still kept. */
    long count() {
        return handedOn + students.size();
    }

    boolean sawHeader() {
        return fields != null;
    }

    List<Student> students() {
        return students;
    }
}
