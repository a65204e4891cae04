package org.xiaoche.routing.export.workbook;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Sheet;
import org.xiaoche.routing.export.edition.ExportLanguage;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.TimedStop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timetable workbook: a summary sheet (one row per run: bus, school, first pickup, school
 * arrival, departure, last drop-off, km) and one sheet per bus (each place with its location and
 * its morning and afternoon times), Chinese headers by default. Times are the
 * {@link PublishedTimetable}'s, to the minute. The planner edition adds the number of students per
 * run and the boarding and alighting per place; the operator edition has no count of students.
 * The same rows are written as XLSX or as one CSV table.
 */
public final class TimetableWorkbook {

    private TimetableWorkbook() {
    }

    /** Writes the XLSX workbook to {@code out} (left open). */
    public static void writeXlsx(PlanExportRequest request, OutputStream out) throws IOException {
        ExportLanguage lang = request.language();
        boolean counts = request.edition().seesStudentCounts();
        PublishedTimetable published = request.published();
        try (Workbooks book = new Workbooks()) {
            Sheet summary = book.sheet(lang.pick("汇总", "Summary"));
            List<String> headers = summaryHeaders(lang, counts);
            book.headerRow(summary, 0, headers);
            int r = 1;
            for (List<Object> row : summaryRows(request, published)) {
                book.row(summary, r++, row);
            }
            book.fitColumns(summary, headers.size());
            for (Bus bus : request.buses()) {
                Sheet sheet = book.sheet(bus.busId());
                book.row(sheet, 0, List.of(lang.pick("车辆", "Bus"), bus.busId(), lang.pick("座位", "Seats"), bus.seats(),
                        lang.pick("运营单位", "Operator"), request.operators().operatorOf(bus.busId()).name()));
                List<String> busHeaders = busHeaders(lang, counts);
                book.headerRow(sheet, 2, busHeaders);
                int k = 3;
                for (List<Object> row : busRows(request, published, bus)) {
                    book.row(sheet, k++, row);
                }
                book.fitColumns(sheet, busHeaders.size());
            }
            book.write(out);
        }
    }

    /**
     * Writes one CSV table, a row per call of every run (UTF-8 with a byte-order mark, so that
     * spreadsheet programs read the Chinese names), text that looks like a formula prefixed with an apostrophe.
     */
    public static void writeCsv(PlanExportRequest request, OutputStream out) throws IOException {
        ExportLanguage lang = request.language();
        boolean counts = request.edition().seesStudentCounts();
        Plan plan = request.plan();
        List<String> headers = new ArrayList<>(List.of(lang.pick("车辆", "bus"), lang.pick("趟次", "run"),
                lang.pick("方向", "direction"), lang.pick("学校", "school"), lang.pick("序号", "seq"),
                lang.pick("站点", "stop"), lang.pick("经度", "lon"), lang.pick("纬度", "lat"), lang.pick("时间", "time")));
        if (counts) {
            headers.addAll(List.of(lang.pick("上车人数", "boarding"), lang.pick("下车人数", "alighting")));
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(headers.toArray(String[]::new)).get());
        PublishedTimetable published = request.published();
        for (Bus bus : request.buses()) {
            for (BusRun run : bus.runs()) {
                PublishedTimetable.Run pub = published.run(run.runId()).orElseThrow();
                for (int i = 0; i < run.stops().size(); i++) {
                    TimedStop s = run.stops().get(i);
                    PublishedTimetable.Call c = pub.calls().get(i);
                    List<Object> row = new ArrayList<>(List.of(SpreadsheetText.forCsv(bus.busId()), SpreadsheetText.forCsv(run.runId()),
                            direction(lang, run.direction()), SpreadsheetText.forCsv(plan.schoolName(run.schoolId())), c.seq(),
                            SpreadsheetText.forCsv(c.name()), GeoJsonWriter.round(c.location().lon()),
                            GeoJsonWriter.round(c.location().lat()), c.time()));
                    if (counts) {
                        row.addAll(List.of(s.boarding(), s.alighting()));
                    }
                    csv.printRecord(row);
                }
            }
        }
        csv.flush();
    }

    static List<String> summaryHeaders(ExportLanguage lang, boolean counts) {
        List<String> h = new ArrayList<>(List.of(lang.pick("车辆", "Bus"), lang.pick("座位", "Seats"), lang.pick("趟次", "Run"),
                lang.pick("方向", "Direction"), lang.pick("学校", "School"), lang.pick("首站上车", "First pickup"),
                lang.pick("到校", "School arrival"), lang.pick("离校", "School departure"), lang.pick("末站下车", "Last drop-off"),
                lang.pick("里程(公里)", "Length (km)")));
        if (counts) {
            h.add(lang.pick("学生人数", "Students"));
        }
        return h;
    }

    static List<List<Object>> summaryRows(PlanExportRequest request, PublishedTimetable published) {
        ExportLanguage lang = request.language();
        List<List<Object>> rows = new ArrayList<>();
        for (Bus bus : request.buses()) {
            for (BusRun run : bus.runs()) {
                PublishedTimetable.Run pub = published.run(run.runId()).orElseThrow();
                boolean am = run.direction() == RunDirection.AM;
                List<Object> row = new ArrayList<>(List.of(bus.busId(), bus.seats(), run.runId(), direction(lang, run.direction()),
                        request.plan().schoolName(run.schoolId())));
                row.add(am ? pub.first().time() : "");
                row.add(am ? pub.last().time() : "");
                row.add(am ? "" : pub.first().time());
                row.add(am ? "" : pub.last().time());
                row.add(Math.round(runLength_m(run) / 100.0) / 10.0);
                if (request.edition().seesStudentCounts()) {
                    row.add(run.students());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static List<String> busHeaders(ExportLanguage lang, boolean counts) {
        List<String> h = new ArrayList<>(List.of(lang.pick("站点", "Stop"), lang.pick("经度", "Longitude"),
                lang.pick("纬度", "Latitude"), lang.pick("上学时间", "Morning"), lang.pick("放学时间", "Afternoon")));
        if (counts) {
            h.addAll(List.of(lang.pick("上车人数", "Boarding"), lang.pick("下车人数", "Alighting")));
        }
        return h;
    }

    /**
     * One row per place the bus calls at, in the order of its first call (morning runs first): name,
     * location, the morning and the afternoon times (several runs: joined with " / ").
     */
    static List<List<Object>> busRows(PlanExportRequest request, PublishedTimetable published, Bus bus) {
        Map<String, PlaceRow> places = new LinkedHashMap<>();
        for (BusRun run : bus.runs()) {
            PublishedTimetable.Run pub = published.run(run.runId()).orElseThrow();
            for (int i = 0; i < run.stops().size(); i++) {
                TimedStop s = run.stops().get(i);
                PublishedTimetable.Call c = pub.calls().get(i);
                PlaceRow row = places.computeIfAbsent((s.school() ? "school:" : "stop:") + s.placeId(), k -> new PlaceRow(c));
                (run.direction() == RunDirection.AM ? row.morning : row.afternoon).add(c.time());
                row.boarding += s.boarding();
                row.alighting += s.alighting();
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (PlaceRow p : places.values()) {
            List<Object> row = new ArrayList<>(List.of(p.call.name(), GeoJsonWriter.round(p.call.location().lon()),
                    GeoJsonWriter.round(p.call.location().lat()), String.join(" / ", p.morning), String.join(" / ", p.afternoon)));
            if (request.edition().seesStudentCounts()) {
                row.addAll(List.of(p.boarding, p.alighting));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Metres driven within the run (from its first place to its last), from the plan's recorded legs. */
    static double runLength_m(BusRun run) {
        return run.stops().stream().skip(1).mapToDouble(TimedStop::legIn_m).sum();
    }

    static String direction(ExportLanguage lang, RunDirection direction) {
        return direction == RunDirection.AM ? lang.pick("上学", "to school") : lang.pick("放学", "home");
    }


    private static final class PlaceRow {
        final PublishedTimetable.Call call;
        final List<String> morning = new ArrayList<>(), afternoon = new ArrayList<>();
        int boarding, alighting;

        PlaceRow(PublishedTimetable.Call call) {
            this.call = call;
        }
    }
}
