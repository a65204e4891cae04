package org.xiaoche.routing.roster.io;

import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.roster.NetworkArea;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed access to the cells of the current row. Every accessor that finds a bad value records a
 * problem against the row's line and the column's header, and returns {@code null}; callers build a
 * record only when {@link #rowIsValid()}.
 *
 * <p>When {@code personalLocation} is set (student homes), no reason ever echoes a coordinate value.
 */
final class RowFields {

    /** Longest id (student, school) accepted, in characters. */
    static final int MAX_ID_CHARS = 64;
    /** Longest name accepted, in characters. */
    static final int MAX_NAME_CHARS = 200;
    /** Longest cell value echoed in a problem; longer ones are cut. */
    private static final int MAX_SHOWN_CHARS = 40;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?");

    private final ColumnMapping columns;
    private final ProblemList problems;
    private final boolean personalLocation;
    private final java.util.Map<String, Long> lineById = new java.util.HashMap<>();
    private long line;
    private List<String> cells;
    private long problemsAtRowStart;

    RowFields(ColumnMapping columns, ProblemList problems, boolean personalLocation) {
        this.columns = columns;
        this.problems = problems;
        this.personalLocation = personalLocation;
    }

    void startRow(long line, List<String> cells) {
        this.line = line;
        this.cells = cells;
        this.problemsAtRowStart = problems.total();
    }

    long line() {
        return line;
    }

    boolean rowIsValid() {
        return problems.total() == problemsAtRowStart;
    }

    /** True when every cell of the row is blank (such rows are skipped, not errors). */
    boolean rowIsBlank() {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    void problem(Column c, String code, String reason, Object... args) {
        problems.add(line, columns.label(c), code, reason, args);
    }

    /** The stripped value; empty when blank or the column is absent. */
    String text(Column c) {
        return columns.value(c, cells);
    }

    /**
     * The value of a required column, or null (with a problem) when it is empty. A column missing from
     * the header was reported once already, so it is not reported again on every row.
     */
    String required(Column c) {
        String v = text(c);
        if (v.isEmpty()) {
            if (columns.isPresent(c)) {
                problem(c, "value-empty", "required value is empty");
            }
            return null;
        }
        return v;
    }

    /** A required id of at most {@link #MAX_ID_CHARS} characters; {@code null} with a problem otherwise. */
    String id(Column c) {
        return bounded(c, "id", MAX_ID_CHARS);
    }

    /** A required name of at most {@link #MAX_NAME_CHARS} characters; {@code null} with a problem otherwise. */
    String name(Column c) {
        return bounded(c, "name", MAX_NAME_CHARS);
    }

    private String bounded(Column c, String what, int maxChars) {
        String v = required(c);
        if (v == null) {
            return null;
        }
        int chars = v.codePointCount(0, v.length());
        if (chars > maxChars) {
            problem(c, what + "-too-long", what + " is " + chars + " characters long; at most " + maxChars + " allowed", chars, maxChars);
            return null;
        }
        return v;
    }

    /** A cell value as quoted in a problem, cut to a readable length. */
    static String shown(String value) {
        if (value.codePointCount(0, value.length()) <= MAX_SHOWN_CHARS) {
            return "'" + value + "'";
        }
        int end = value.offsetByCodePoints(0, MAX_SHOWN_CHARS);
        return "'" + value.substring(0, end) + "…' (" + value.codePointCount(0, value.length()) + " characters)";
    }

    /**
     * The required id of this row's record; a second row with the same id is a problem naming
     * both lines. {@code what} names the record, e.g. {@code "student"}.
     */
    String uniqueId(Column c, String what) {
        String id = id(c);
        if (id != null) {
            Long first = lineById.putIfAbsent(id, line());
            if (first != null) {
                problem(c, "duplicate-id", "duplicate " + what + " id '" + id + "' (lines " + first + " and " + line() + ")",
                        id, first, line());
            }
        }
        return id;
    }

    /** A whole number in {@code [min, max]}; {@code null} with a problem otherwise. */
    Integer integer(String value, Column c, int min, int max) {
        if (value == null) {
            return null;
        }
        long n;
        try {
            n = parseWhole(halfWidth(value));
        } catch (NumberFormatException e) {
            problem(c, "not-whole-number", shown(value) + " is not a whole number", shown(value));
            return null;
        }
        if (n < min || n > max) {
            problem(c, "out-of-range", n + " is out of range " + min + "–" + max, n, min, max);
            return null;
        }
        return (int) n;
    }

    /** A clock time written HH:mm (seconds allowed and ignored); {@code null} with a problem otherwise. */
    LocalTime time(Column c) {
        String v = required(c);
        if (v == null) {
            return null;
        }
        Matcher m = TIME.matcher(v);
        if (m.matches()) {
            try {
                return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException e) {
                // falls through to the problem below
            }
        }
        problem(c, "not-time", shown(v) + " is not a time of day (expected HH:mm, e.g. 07:40)", shown(v));
        return null;
    }

    /** An optional yes/no value; blank means {@code false}. */
    boolean flag(Column c) {
        String v = text(c).toLowerCase(Locale.ROOT);
        switch (v) {
            case "", "false", "0", "no", "n", "否", "f":
                return false;
            case "true", "1", "yes", "y", "是", "t":
                return true;
            default:
                problem(c, "not-yes-no", shown(text(c)) + " is not yes/no (use true/false, 1/0 or 是/否)", shown(text(c)));
                return false;
        }
    }

    /**
     * The row's location in WGS-84, checked for range, swapped axes and the network's area;
     * {@code null} with a problem otherwise.
     */
    LonLat location(CoordinateSystem crs, NetworkArea area) {
        String lonText = required(Column.LON);
        String latText = required(Column.LAT);
        if (lonText == null || latText == null) {
            return null;
        }
        Double x = number(Column.LON, lonText);
        Double y = number(Column.LAT, latText);
        if (x == null || y == null) {
            return null;
        }
        if (crs.isGeographic()) {
            boolean lonInRange = Math.abs(x) <= 180, latInRange = Math.abs(y) <= 90;
            if (!latInRange && Math.abs(x) <= 90 && Math.abs(y) <= 180) {
                problem(Column.LAT, "lat-lon-swapped", "lat and lon look swapped: the lat value is beyond ±90 but the lon value"
                        + " would be a valid latitude" + shown(x, y));
                return null;
            }
            if (!lonInRange || !latInRange) {
                problem(lonInRange ? Column.LAT : Column.LON, lonInRange ? "lat-out-of-range" : "lon-out-of-range",
                        (lonInRange ? "latitude is outside -90..90" : "longitude is outside -180..180") + shown(x, y));
                return null;
            }
        }
        LonLat point = convert(crs, x, y);
        if (point == null) {
            problem(Column.LON, "crs-conversion", "coordinate cannot be converted from " + crs.name() + " to WGS-84" + shown(x, y),
                    crs.name());
            return null;
        }
        if (!area.contains(point)) {
            // Both values in range but in the wrong columns still lands far away; say so when the
            // swapped reading would fall inside.
            LonLat swapped = crs.isGeographic() && Math.abs(x) <= 90 ? convert(crs, y, x) : null;
            if (swapped != null && area.contains(swapped)) {
                problem(Column.LAT, "lat-lon-swapped-area", "lat and lon look swapped: as given the point is outside the road network's"
                        + " area, swapped it is inside" + shown(x, y));
            } else {
                problems.add(line, columns.label(Column.LON) + "/" + columns.label(Column.LAT), "outside-area",
                        "outside the road network's area" + shown(x, y));
            }
            return null;
        }
        return point;
    }

    private Double number(Column c, String given) {
        String value = halfWidth(given);
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d) && !value.endsWith("d") && !value.endsWith("f")
                    && !value.endsWith("D") && !value.endsWith("F")) {
                return d;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        if (value.indexOf('°') >= 0 || value.indexOf('′') >= 0 || value.matches(".*\\d+'.*")) {
            // Old GIS tools and GPS units write 36°30'N: the readers take decimal degrees only.
            problem(c, "dms-coordinate", "written in degrees and minutes; give decimal degrees (e.g. 36.5 for 36°30')");
        } else if (personalLocation) {
            problem(c, "not-a-number", "not a number", "");
        } else {
            problem(c, "not-a-number", shown(value) + " is not a number", shown(value));
        }
        return null;
    }

    /** " (lon, lat)" for school locations; nothing for student homes, which are personal data. */
    private String shown(double x, double y) {
        return personalLocation ? "" : " (given lon " + x + ", lat " + y + ")";
    }

    private static LonLat convert(CoordinateSystem crs, double x, double y) {
        try {
            return crs.toWgs84(x, y);
        } catch (IllegalArgumentException e) {
            // The exception message may contain the coordinate; it is deliberately dropped.
            return null;
        }
    }

    /**
     * Full-width digits, point and minus (１２０．５, typed with a Chinese input method) as ASCII, so they read
     * as the numbers they show; other text is left as it is, to be refused as not a number.
     */
    static String halfWidth(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= '\uFF01' && value.charAt(i) <= '\uFF5E') {
                return Normalizer.normalize(value, Normalizer.Form.NFKC);
            }
        }
        return value;
    }

    /** Whole numbers; "3.0" (as spreadsheets export integers) is accepted, "3.5" is not. */
    private static long parseWhole(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(value);
            if (d != Math.rint(d) || Math.abs(d) > 1e15) {
                throw new NumberFormatException(value);
            }
            return (long) d;
        }
    }
}
