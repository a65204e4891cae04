package org.xiaoche.routing.export.workbook;

import org.apache.poi.ss.usermodel.Sheet;
import org.xiaoche.routing.export.ZipFiles;
import org.xiaoche.routing.export.edition.ExportLanguage;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.StudentJourney;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Riders lists for schools (乘车名单), planners only: per school, every carried student's id, grade,
 * stop, bus and the published morning pickup and afternoon drop-off times (the times families are
 * told, the same as the operators'). Never a home location: the plan value does not even hold one.
 */
public final class RidersWorkbook {

    private RidersWorkbook() {
    }

    /** One XLSX per school with riders, in a zip (left open): {@code <school id>.xlsx}. */
    public static void writeAll(PlanExportRequest request, OutputStream out) throws IOException {
        request.requirePlanner("riders lists");
        ZipFiles zip = new ZipFiles(out);
        for (PlanSchool school : request.plan().schools()) {
            if (riders(request, school.id()).isEmpty()) {
                continue;
            }
            zip.add(ZipFiles.safeName(school.id(), ".xlsx"), entry -> writeSchool(request, school.id(), entry));
        }
        zip.finish();
    }

    /** The riders list of one school (left open). */
    public static void writeSchool(PlanExportRequest request, String schoolId, OutputStream out) throws IOException {
        request.requirePlanner("riders lists");
        ExportLanguage lang = request.language();
        Plan plan = request.plan();
        try (Workbooks book = new Workbooks()) {
            Sheet sheet = book.sheet(plan.schoolName(schoolId));
            book.row(sheet, 0, List.of(lang.pick("乘车名单", "Riders"), plan.schoolName(schoolId)));
            List<String> headers = List.of(lang.pick("学生编号", "Student id"), lang.pick("年级", "Grade"),
                    lang.pick("站点", "Stop"), lang.pick("车辆", "Bus"), lang.pick("上学上车时间", "Morning pickup"),
                    lang.pick("放学下车时间", "Afternoon drop-off"));
            book.headerRow(sheet, 2, headers);
            int r = 3;
            for (List<Object> row : riders(request, schoolId)) {
                book.row(sheet, r++, row);
            }
            book.fitColumns(sheet, headers.size());
            book.write(out);
        }
    }

    /** Rows of one school's riders, by student id: id, grade, stop name, bus, pickup, drop-off. */
    static List<List<Object>> riders(PlanExportRequest request, String schoolId) {
        Plan plan = request.plan();
        PublishedTimetable published = request.published();
        Map<String, String> busOfRun = new HashMap<>();
        plan.runs().forEach((BusRun r) -> busOfRun.put(r.runId(), r.busId()));
        List<List<Object>> rows = new ArrayList<>();
        plan.journeys().stream().filter(j -> j.schoolId().equals(schoolId)).sorted(Comparator.comparing(StudentJourney::studentId))
                .filter(j -> published.run(j.amRunId() == null ? "" : j.amRunId()).isPresent()
                        || published.run(j.pmRunId() == null ? "" : j.pmRunId()).isPresent())
                .forEach(j -> rows.add(List.of(j.studentId(), j.grade(), plan.findStop(j.stopId()).map(PlanStop::name).orElse(j.stopId()),
                        busOfRun.getOrDefault(j.amRunId() == null ? j.pmRunId() : j.amRunId(), ""),
                        time(published, j.amRunId(), j.stopId()), time(published, j.pmRunId(), j.stopId()))));
        return rows;
    }

    private static String time(PublishedTimetable published, String runId, String stopId) {
        return runId == null ? "" : published.timeAt(runId, stopId).map(t -> ClockTime.hhmm(t)).orElse("");
    }
}
