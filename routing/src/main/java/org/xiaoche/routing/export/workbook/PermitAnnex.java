package org.xiaoche.routing.export.workbook;

import org.apache.poi.ss.usermodel.Sheet;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.export.edition.ExportLanguage;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.export.edition.RunRoads;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The school-bus use permit's annex (校车使用许可 · 行驶线路、开行时间、停靠站点; 校车安全管理条例
 * 第十四至十六条) as XLSX, one sheet per bus: the route of each run as the roads it drives in order,
 * its operating times (published, to the minute), and every stop with its name, location and time.
 * It carries no student data, so both editions are the same.
 */
public final class PermitAnnex {

    /** The annex's title, as the permit names its three parts. */
    public static final String TITLE_ZH = "校车使用许可 · 行驶线路、开行时间、停靠站点";

    private PermitAnnex() {
    }

    /** Writes the annex to {@code out} (left open); {@code roads} gives each run's roads in order. */
    public static void writeXlsx(PlanExportRequest request, RunRoads roads, OutputStream out) throws IOException {
        ExportLanguage lang = request.language();
        PublishedTimetable published = request.published();
        try (Workbooks book = new Workbooks()) {
            for (Bus bus : request.buses()) {
                Sheet sheet = book.sheet(bus.busId());
                int r = 0;
                book.headerRow(sheet, r++, List.of(lang.pick(TITLE_ZH, "School bus use permit · route, operating times, stops")));
                book.row(sheet, r++, List.of(lang.pick("车辆", "Bus"), bus.busId(), lang.pick("核载座位", "Approved seats"),
                        bus.seats(), lang.pick("运营单位", "Operator"), request.operators().operatorOf(bus.busId()).name()));
                r++;
                book.headerRow(sheet, r++, List.of(lang.pick("趟次", "Run"), lang.pick("方向", "Direction"),
                        lang.pick("学校", "School"), lang.pick("开行时间", "Operating times"), lang.pick("行驶线路", "Route (roads in order)")));
                for (BusRun run : bus.runs()) {
                    PublishedTimetable.Run pub = published.run(run.runId()).orElseThrow();
                    List<String> runRoads = roads.roads(run.runId());
                    book.row(sheet, r++, List.of(run.runId(), TimetableWorkbook.direction(lang, run.direction()),
                            request.plan().schoolName(run.schoolId()), pub.first().time() + "–" + pub.last().time(),
                            runRoads.isEmpty() ? lang.pick("（未记录道路名称）", "(no road names recorded)")
                                    : String.join(" — ", runRoads)));
                }
                r++;
                book.headerRow(sheet, r++, List.of(lang.pick("停靠站点", "Stops"), lang.pick("趟次", "Run"),
                        lang.pick("序号", "No."), lang.pick("经度", "Longitude"), lang.pick("纬度", "Latitude"),
                        lang.pick("时间", "Time")));
                for (BusRun run : bus.runs()) {
                    for (PublishedTimetable.Call c : published.run(run.runId()).orElseThrow().calls()) {
                        book.row(sheet, r++, List.of(c.name(), run.runId(), c.seq(), GeoJsonWriter.round(c.location().lon()),
                                GeoJsonWriter.round(c.location().lat()), c.time()));
                    }
                }
                book.fitColumns(sheet, 6);
            }
            book.write(out);
        }
    }
}
