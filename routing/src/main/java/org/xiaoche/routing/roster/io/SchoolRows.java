package org.xiaoche.routing.roster.io;

import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.roster.NetworkArea;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.SchoolLevel;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns table rows into {@link School}s, validating each field. */
final class SchoolRows implements TableSink {

    private static final Set<Column> REQUIRED = EnumSet.of(Column.SCHOOL_ID, Column.NAME, Column.LEVEL,
            Column.LON, Column.LAT, Column.BELL_TIME, Column.DISMISSAL_TIME);
    private static final Set<Column> OPTIONAL = EnumSet.of(Column.CAPACITY, Column.TEACHING_POINT,
            Column.BOARDING_BEDS, Column.CANTEEN_SEATS);
    private static final int MAX_CAPACITY = 100_000;

    private final ProblemList problems;
    private final CoordinateSystem crs;
    private final NetworkArea area;
    private final List<School> schools = new ArrayList<>();
    private RowFields fields;

    SchoolRows(ProblemList problems, CoordinateSystem crs, NetworkArea area) {
        this.problems = problems;
        this.crs = crs;
        this.area = area;
    }

    @Override
    public void header(long line, List<String> names) {
        fields = new RowFields(ColumnMapping.of(names, REQUIRED, OPTIONAL, problems, line), problems, false);
    }

    @Override
    public void row(long line, List<String> cells) {
        RowFields f = fields;
        f.startRow(line, cells);
        if (f.rowIsBlank()) {
            return;
        }
        String id = f.uniqueId(Column.SCHOOL_ID, "school");
        String name = f.name(Column.NAME);
        SchoolLevel level = level(f);
        LonLat location = f.location(crs, area);
        String capacityText = f.text(Column.CAPACITY);
        Integer capacity = capacityText.isEmpty() ? Integer.valueOf(0)
                : f.integer(capacityText, Column.CAPACITY, 0, MAX_CAPACITY);
        LocalTime bell = f.time(Column.BELL_TIME);
        LocalTime dismissal = f.time(Column.DISMISSAL_TIME);
        if (bell != null && dismissal != null && !dismissal.isAfter(bell)) {
            f.problem(Column.DISMISSAL_TIME, "dismissal-before-bell", "dismissal time " + dismissal + " is not after bell time " + bell,
                    dismissal, bell);
        }
        boolean teachingPoint = f.flag(Column.TEACHING_POINT);
        Integer beds = optionalCount(f, Column.BOARDING_BEDS);
        Integer seats = optionalCount(f, Column.CANTEEN_SEATS);
        if (f.rowIsValid() && problems.isEmpty()) {
            schools.add(new School(id, name, level, location, capacity, bell, dismissal, teachingPoint, beds, seats));
        }
    }

    /** A non-negative whole number, or null (unknown) when the cell is empty or the column absent. */
    private static Integer optionalCount(RowFields f, Column c) {
        String text = f.text(c);
        return text.isEmpty() ? null : f.integer(text, c, 0, MAX_CAPACITY);
    }

    /** True once a header was seen, i.e. the file was a table at all. */
    boolean sawHeader() {
        return fields != null;
    }

    /** Rows that were valid; meaningful only when the file had no problems. */
    List<School> schools() {
        return schools;
    }

    static SchoolLevel parseLevel(String text) {
        switch (Column.normalize(text)) {
            case "kindergarten", "幼儿园":
                return SchoolLevel.KINDERGARTEN;
            case "primary", "小学":
                return SchoolLevel.PRIMARY;
            case "junior", "junior_middle", "初中":
                return SchoolLevel.JUNIOR;
            case "nine_year", "nineyear", "九年一贯制", "九年制":
                return SchoolLevel.NINE_YEAR;
            default:
                return null;
        }
    }

    private static SchoolLevel level(RowFields f) {
        String v = f.required(Column.LEVEL);
        if (v == null) {
            return null;
        }
        SchoolLevel level = parseLevel(v);
        if (level == null) {
            f.problem(Column.LEVEL, "not-a-level", RowFields.shown(v) + " is not a school level (use kindergarten, primary, junior,"
                    + " nine_year or 幼儿园, 小学, 初中, 九年一贯制)", RowFields.shown(v));
        }
        return level;
    }

    static String levelName(SchoolLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
