package org.xiaoche.routing.export.edition;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xiaoche.routing.eligibility.StudentEligibility;
import org.xiaoche.routing.export.ExportTestPlans;
import org.xiaoche.routing.export.PlanEdits;
import org.xiaoche.routing.export.geojson.PublishedLayers;
import org.xiaoche.routing.export.gpx.GpxWriter;
import org.xiaoche.routing.export.gtfs.GtfsFeed;
import org.xiaoche.routing.export.workbook.PermitAnnex;
import org.xiaoche.routing.export.workbook.RidersWorkbook;
import org.xiaoche.routing.export.workbook.TimetableWorkbook;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.optimization.DwellModel;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operator format carries stops, times to the minute and routes only: no student id, no home,
 * no count of students, no seconds; and two plans that differ only in how many students board where
 * (hence in dwell and in every planned time) give the same operator files.
 */
class OperatorPrivacyTest {

    private static final Pattern TIME = Pattern.compile("(?<![\\d:])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])");

    @Test
    void noStudentIdsHomesCountsOrSecondsInAnyOperatorFormat() throws IOException {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        Plan plan = demo.result().plan();
        Map<String, String> files = operatorFiles(request(plan, demo.shapes()), demo.roads());
        assertEquals(List.of("gtfs", "xlsx", "csv", "permit", "gpx", "geojson"),
                files.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().toList());
        List<String> studentIds = plan.journeys().stream().map(StudentJourney::studentId).toList();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String text = file.getValue();
            Set<String> tokens = new HashSet<>(List.of(text.split("[^A-Za-z0-9]+")));
            for (String id : studentIds) {
                assertFalse(tokens.contains(id), file.getKey() + " names student " + id);
            }
            for (String word : List.of("students", "young_pupils", "boarding", "alighting", "学生人数", "上车人数", "下车人数",
                    "Students", "Boarding", "load")) {
                assertFalse(text.contains(word), file.getKey() + " has a count: " + word);
            }
            Matcher m = TIME.matcher(text);
            int times = 0;
            while (m.find()) {
                times++;
                assertTrue(m.group(3) == null || m.group(3).equals("00"), file.getKey() + " has a time with seconds: " + m.group());
            }
            if (!file.getKey().startsWith("gtfs/agency") && !file.getKey().startsWith("gtfs/calendar")
                    && !file.getKey().startsWith("gtfs/feed_info") && !file.getKey().startsWith("gtfs/shapes")
                    && !file.getKey().startsWith("gtfs/stops") && !file.getKey().startsWith("gtfs/routes")
                    && !file.getKey().startsWith("gtfs/trips")) {
                assertTrue(times > 0, file.getKey() + " has times (the check above saw them)");
            }
        }
        List<LonLat> written = new ArrayList<>();
        files.values().forEach(text -> written.addAll(coordinatePairs(text)));
        assertTrue(written.size() > 1000, written.size() + " coordinate pairs found in the files (the check below sees them)");
        PointGrid writtenGrid = new PointGrid(written), publishedGrid = new PointGrid(publishedPoints(plan, demo.shapes()));
        int homesChecked = 0;
        for (StudentEligibility e : demo.result().eligibility().students()) {
            LonLat home = e.student().home();
            if (publishedGrid.within(home, 2)) {
                continue; // a stop or road point at the home itself is a published place, not a home
            }
            homesChecked++;
            assertFalse(writtenGrid.within(home, 1.5), "a student's home appears in an operator file: " + e.student().id());
        }
        assertTrue(homesChecked > 100, homesChecked + " homes checked");
    }

    @Test
    void ridersListsAreForPlannersOnlyAndNeverCarryAHome() throws IOException {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        Plan plan = demo.result().plan();
        assertThrows(IllegalArgumentException.class, () -> RidersWorkbook.writeAll(request(plan, demo.shapes()), new ByteArrayOutputStream()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RidersWorkbook.writeAll(request(plan, demo.shapes()).withEdition(ExportEdition.PLANNER), out);
        Map<String, String> lists = new LinkedHashMap<>();
        unzip(out.toByteArray(), (name, bytes) -> lists.put(name, xlsxText(bytes)));
        assertFalse(lists.isEmpty());
        String all = String.join("\n", lists.values());
        PublishedTimetable timetable = request(plan, demo.shapes()).published();
        for (StudentJourney j : plan.journeys()) {
            String row = all.lines().filter(l -> l.startsWith(j.studentId() + ",")).findFirst().orElseThrow(() -> new AssertionError(j.studentId()));
            String pickup = ClockTime.hhmm(timetable.timeAt(j.amRunId(), j.stopId()).orElseThrow());
            assertTrue(row.contains("," + pickup + ","), "the published pickup, as operators have it: " + row + " / " + pickup);
        }
        assertFalse(all.matches("(?s).*\\d+\\.\\d{4,}.*"), "no coordinates at all in a riders list");
    }

    @Test
    void differentBoardingCountsGiveIndistinguishableOperatorFiles() throws IOException {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        Plan plan = demo.result().plan();
        Plan moreStudents = PlanEdits.withBuses(plan, retimedWithOtherCounts(plan));
        // The control: the plans' own times, even rounded to the minute, tell the two apart.
        assertNotEquals(minuteTimes(plan), minuteTimes(moreStudents), "planned minutes differ with the counts");
        Map<String, String> a = operatorFiles(request(plan, demo.shapes()), demo.roads());
        Map<String, String> b = operatorFiles(request(moreStudents, demo.shapes()), demo.roads());
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, text) -> assertEquals(text, b.get(name), name + " tells the two plans apart"));
    }

    /** Every bus with other boarding and alighting counts, timed as the planner times: AM back from the school, PM on from dismissal. */
    static List<Bus> retimedWithOtherCounts(Plan plan) {
        DwellModel dwell = new DwellModel(plan.policy().routes().dwellFixed_s(), plan.policy().routes().dwellPerStudent_s());
        List<Bus> buses = new ArrayList<>();
        for (Bus bus : plan.buses()) {
            List<BusRun> runs = new ArrayList<>();
            for (BusRun run : bus.runs()) {
                List<TimedStop> s = run.stops();
                int n = s.size();
                TimedStop[] out = new TimedStop[n];
                int[] counts = new int[n];
                int total = 0;
                for (int i = 0; i < n; i++) {
                    if (!s.get(i).school()) {
                        counts[i] = Math.max(s.get(i).boarding(), s.get(i).alighting()) + 1 + (i % 3) * 2;
                        total += counts[i];
                    }
                }
                if (run.direction() == RunDirection.AM) {
                    TimedStop school = s.get(n - 1);
                    out[n - 1] = new TimedStop(school.seq(), school.placeId(), true, school.location(), school.arrival_s(),
                            school.arrival_s() + dwell.dwell_s(total), 0, total, 0, school.legIn_s(), school.legIn_m());
                    double next_s = school.arrival_s();
                    int load = total;
                    for (int i = n - 2; i >= 0; i--) {
                        TimedStop t = s.get(i);
                        double departure_s = next_s - s.get(i + 1).legIn_s();
                        double arrival_s = departure_s - dwell.dwell_s(counts[i]);
                        out[i] = new TimedStop(t.seq(), t.placeId(), false, t.location(), arrival_s, departure_s, counts[i], 0, load,
                                t.legIn_s(), t.legIn_m());
                        load -= counts[i];
                        next_s = arrival_s;
                    }
                } else {
                    TimedStop school = s.get(0);
                    double departure_s = school.arrival_s() + dwell.dwell_s(total);
                    out[0] = new TimedStop(school.seq(), school.placeId(), true, school.location(), school.arrival_s(), departure_s,
                            total, 0, total, school.legIn_s(), school.legIn_m());
                    int load = total;
                    for (int i = 1; i < n; i++) {
                        TimedStop t = s.get(i);
                        double arrival_s = departure_s + t.legIn_s();
                        departure_s = arrival_s + dwell.dwell_s(counts[i]);
                        load -= counts[i];
                        out[i] = new TimedStop(t.seq(), t.placeId(), false, t.location(), arrival_s, departure_s, 0, counts[i], load,
                                t.legIn_s(), t.legIn_m());
                    }
                }
                runs.add(new BusRun(run.runId(), run.busId(), run.schoolId(), run.direction(), List.of(out)));
            }
            buses.add(new Bus(bus.busId(), bus.busTypeId(), bus.seats(), runs, bus.returnLegs_m(), bus.beyondFleet()));
        }
        return buses;
    }

    private static List<String> minuteTimes(Plan plan) {
        return plan.runs().stream().flatMap(r -> r.stops().stream()).map(t -> ClockTime.hhmm(t.arrival_s())).toList();
    }

    private static PlanExportRequest request(Plan plan, RunShapes shapes) {
        return PlanExportRequest.operatorEdition(plan).withShapes(shapes);
    }

    /** Every operator format as text, by {@code format/entry}: zips opened, workbooks as comma-joined rows. */
    static Map<String, String> operatorFiles(PlanExportRequest request, RunRoads roads) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        unzip(GtfsFeed.toBytes(request), (name, bytes) -> files.put("gtfs/" + name, new String(bytes, StandardCharsets.UTF_8)));
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream(), csv = new ByteArrayOutputStream(), permit = new ByteArrayOutputStream(),
                gpx = new ByteArrayOutputStream(), geojson = new ByteArrayOutputStream();
        TimetableWorkbook.writeXlsx(request, xlsx);
        files.put("xlsx/timetable", xlsxText(xlsx.toByteArray()));
        TimetableWorkbook.writeCsv(request, csv);
        files.put("csv/timetable", csv.toString(StandardCharsets.UTF_8));
        PermitAnnex.writeXlsx(request, roads, permit);
        files.put("permit/annex", xlsxText(permit.toByteArray()));
        GpxWriter.writeAll(request, gpx);
        unzip(gpx.toByteArray(), (name, bytes) -> files.put("gpx/" + name, new String(bytes, StandardCharsets.UTF_8)));
        PublishedLayers.write(request, geojson);
        files.put("geojson/layers", geojson.toString(StandardCharsets.UTF_8));
        return files;
    }

    interface Entry {
        void accept(String name, byte[] bytes) throws IOException;
    }

    static void unzip(byte[] zip, Entry entry) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entry.accept(e.getName(), in.readAllBytes());
            }
        }
    }

    /** Every sheet, every row as its cells' text joined by commas. */
    static String xlsxText(byte[] bytes) throws IOException {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : book) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(c.toString()));
                    text.append(String.join(",", cells)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static List<LonLat> publishedPoints(Plan plan, RunShapes shapes) {
        List<LonLat> points = new ArrayList<>();
        plan.stops().forEach(s -> points.add(s.location()));
        plan.schools().forEach(s -> points.add(s.location()));
        plan.runs().forEach(r -> points.addAll(shapes.line(r)));
        return points;
    }

    /**
     * Every pair of decimal numbers written next to each other within one tuple (separated by at most 8
     * characters, none of them a line break, bracket or tag), read both ways round, that is a WGS-84 point.
     */
    static List<LonLat> coordinatePairs(String text) {
        List<LonLat> pairs = new ArrayList<>();
        Matcher m = Pattern.compile("-?\\d{1,3}\\.\\d{4,}").matcher(text);
        int lastEnd = -1;
        double last = Double.NaN;
        while (m.find()) {
            double value = Double.parseDouble(m.group());
            if (lastEnd >= 0 && m.start() - lastEnd <= 8 && !text.substring(lastEnd, m.start()).matches("(?s).*[\\n\\[\\]<>].*")) {
                addIfPoint(pairs, last, value);
                addIfPoint(pairs, value, last);
            }
            last = value;
            lastEnd = m.end();
        }
        return pairs;
    }

    private static void addIfPoint(List<LonLat> pairs, double lon, double lat) {
        if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
            pairs.add(new LonLat(lon, lat));
        }
    }

    /** Points in cells of 0.001°, for "is any within d metres" over many points. */
    static final class PointGrid {
        private final Map<Long, List<LonLat>> cells = new java.util.HashMap<>();

        PointGrid(List<LonLat> points) {
            points.forEach(p -> cells.computeIfAbsent(key(Math.floor(p.lon() * 1000), Math.floor(p.lat() * 1000)), k -> new ArrayList<>()).add(p));
        }

        boolean within(LonLat p, double distance_m) {
            double x = Math.floor(p.lon() * 1000), y = Math.floor(p.lat() * 1000);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (LonLat q : cells.getOrDefault(key(x + dx, y + dy), List.of())) {
                        if (q.distance_m(p) <= distance_m) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static long key(double x, double y) {
            return (long) x * 1_000_000L + (long) y;
        }
    }
}
