package org.xiaoche.routing.roster.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The roster columns this project understands, with the header names accepted for each. */
enum Column {
    SCHOOL_ID("school_id", "schoolid", "学校编号", "学校代码"),
    NAME("name", "school_name", "学校名称"),
    LEVEL("level", "学段"),
    LON("lon", "lng", "longitude", "经度"),
    LAT("lat", "latitude", "纬度"),
    CAPACITY("capacity", "学位数", "容量"),
    BELL_TIME("bell_time", "上课时间"),
    DISMISSAL_TIME("dismissal_time", "放学时间"),
    TEACHING_POINT("teaching_point", "教学点"),
    BOARDING_BEDS("boarding_beds", "寄宿床位", "床位数"),
    CANTEEN_SEATS("canteen_seats", "食堂座位", "就餐座位"),
    STUDENT_ID("student_id", "studentid", "学生编号"),
    GRADE("grade", "年级"),
    WHEELCHAIR("wheelchair", "轮椅");

    private final String canonical;
    private final List<String> names;

    Column(String canonical, String... aliases) {
        this.canonical = canonical;
        this.names = List.of(prepend(canonical, aliases));
    }

    String canonical() {
        return canonical;
    }

    /** Every accepted header name, canonical first. */
    List<String> names() {
        return names;
    }

    /** True when {@code header} (as written in a file) names this column. */
    boolean matches(String header) {
        return names.contains(normalize(header));
    }

    /** The column a header names among {@code candidates}, if any. */
    static Optional<Column> named(String header, Iterable<Column> candidates) {
        for (Column c : candidates) {
            if (c.matches(header)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Case, surrounding blanks, a stray BOM, and space/hyphen versus underscore do not matter. */
    static String normalize(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
