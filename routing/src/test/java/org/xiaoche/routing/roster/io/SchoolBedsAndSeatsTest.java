package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.roster.School;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;

/** The optional boarding-bed and canteen-seat columns: read in every format, empty = unknown, validated. */
class SchoolBedsAndSeatsTest {

    private static final List<List<String>> ENGLISH = List.of(
            List.of("school_id", "name", "level", "lon", "lat", "bell_time", "dismissal_time", "boarding_beds", "canteen_seats"),
            List.of("S1", "东风小学", "primary", "117.2", "31.8", "07:50", "16:30", "120", "300"),
            List.of("S2", "南岭教学点", "primary", "117.3", "31.75", "08:00", "15:30", "", "0"));

    private static final List<List<String>> CHINESE = List.of(
            List.of("学校编号", "学校名称", "学段", "经度", "纬度", "上课时间", "放学时间", "寄宿床位", "食堂座位"),
            ENGLISH.get(1), ENGLISH.get(2));

    @TempDir
    Path dir;

    private static void assertBedsAndSeats(List<School> schools) {
        assertEquals(120, schools.get(0).boardingBeds());
        assertEquals(300, schools.get(0).canteenSeats());
        assertNull(schools.get(1).boardingBeds(), "an empty cell is unknown, not zero");
        assertEquals(0, schools.get(1).canteenSeats(), "zero seats is known: no canteen");
    }

    @Test
    void csvXlsxAndGeoJsonWithEnglishOrChineseHeaders() throws Exception {
        assertBedsAndSeats(RosterReader.readSchools(RosterFiles.csv(dir, "a.csv", ENGLISH), CoordinateSystem.WGS84, COUNTY));
        assertBedsAndSeats(RosterReader.readSchools(RosterFiles.csv(dir, "b.csv", CHINESE), CoordinateSystem.WGS84, COUNTY));
        assertBedsAndSeats(RosterReader.readSchools(RosterFiles.xlsx(dir, "c.xlsx", CHINESE), CoordinateSystem.WGS84, COUNTY));
        assertBedsAndSeats(RosterReader.readSchools(RosterFiles.geoJson(dir, "d.geojson", ENGLISH), CoordinateSystem.WGS84, COUNTY));
    }

    @Test
    void absentColumnsMeanUnknown() throws Exception {
        School s = RosterReader.readSchools(RosterFiles.csv(dir, "s.csv", RosterReaderFormatsTest.SCHOOLS),
                CoordinateSystem.WGS84, COUNTY).get(0);
        assertNull(s.boardingBeds());
        assertNull(s.canteenSeats());
    }

    @Test
    void negativeOrNonNumberIsRefusedWithItsLine() throws Exception {
        List<List<String>> bad = List.of(ENGLISH.get(0), ENGLISH.get(1),
                List.of("S2", "南岭教学点", "primary", "117.3", "31.75", "08:00", "15:30", "-1", "many"));
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> RosterReader.readSchools(
                RosterFiles.csv(dir, "bad.csv", bad), CoordinateSystem.WGS84, COUNTY));
        assertEquals(2, e.problems().size(), e.getMessage());
        ImportProblem beds = e.problems().get(0), seats = e.problems().get(1);
        assertEquals(3, beds.line());
        assertEquals("boarding_beds", beds.field());
        assertTrue(beds.reason().contains("out of range"), beds.toString());
        assertEquals(3, seats.line());
        assertEquals("canteen_seats", seats.field());
        assertTrue(seats.reason().contains("not a whole number"), seats.toString());
    }
}
