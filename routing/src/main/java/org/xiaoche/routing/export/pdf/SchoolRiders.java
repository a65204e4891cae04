package org.xiaoche.routing.export.pdf;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.StudentJourney;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For schools (planners only): per-student pickup notices (乘车通知单, {@value #SLIP_COLUMNS}×{@value #SLIP_ROWS}
 * slips a page, to cut apart) and per-school rider lists. A notice names the school, the student id, the
 * stop and where it is in words, the morning pickup and afternoon drop-off times and the bus; neither
 * document carries a home location or any coordinate.
 */
public final class SchoolRiders {

    static final int SLIP_COLUMNS = 2, SLIP_ROWS = 4;
    static final float TITLE = 14, HEAD = 14, BODY = 10.5f, SMALL = 8.5f;

    private SchoolRiders() {
    }

    /**
     * One notice per carried student of {@code schoolId} (every school when null), schools in plan order,
     * students by id.
     *
     * @throws IllegalArgumentException when the plan has no school {@code schoolId}
     */
    public static void writeNotices(Plan plan, RoadNetwork network, String schoolId, Lang lang, OutputStream out)
            throws IOException {
        writeNotices(plan, network, schoolId, lang, out, ProgressListener.NONE);
    }

    /** The same, telling {@code progress} ({@value PdfPages#STAGE}) after each page; it may stop the work by throwing. */
    public static void writeNotices(Plan plan, RoadNetwork network, String schoolId, Lang lang, OutputStream out,
                                    ProgressListener progress) throws IOException {
        PlanText text = new PlanText(plan, lang);
        StopWhereabouts whereabouts = new StopWhereabouts(network, text);
        Map<String, String> where = new HashMap<>();
        Map<String, String> busOfRun = busOfRun(plan);
        List<StudentJourney> riders = new ArrayList<>();
        for (PlanSchool school : schools(plan, schoolId)) {
            riders.addAll(riders(plan, school.id()));
        }
        try (PdfPages pages = new PdfPages(lang.text("notice.title"), lang, "notices " + plan.inputs() + " " + schoolId)) {
            int perPage = SLIP_COLUMNS * SLIP_ROWS;
            PdfPages.Box area = null;
            for (int i = 0; i < riders.size(); i++) {
                if (i % perPage == 0) {
                    progress.progress(PdfPages.STAGE, (double) i / riders.size());
                    pages.startOnNewPage();
                    area = pages.box(pages.remaining());
                }
                StudentJourney j = riders.get(i);
                int slot = i % perPage;
                float w = area.width() / SLIP_COLUMNS, h = area.height() / SLIP_ROWS;
                PdfPages.Box slip = new PdfPages.Box(area.stream(), area.x() + (slot % SLIP_COLUMNS) * w,
                        area.y() + area.height() - (slot / SLIP_COLUMNS + 1) * h, w, h);
                String stopWords = where.computeIfAbsent(j.stopId(),
                        id -> plan.findStop(id).map(s -> whereabouts.describe(s.location())).orElse(""));
                drawSlip(pages, slip, text, j, stopWords, busOfRun);
            }
            pages.save(out);
        }
        progress.progress(PdfPages.STAGE, 1);
    }

    /** Rider lists: per school (every school when {@code schoolId} is null) its carried students by id, each school on its own page. */
    public static void writeRiderLists(Plan plan, String schoolId, Lang lang, OutputStream out) throws IOException {
        writeRiderLists(plan, schoolId, lang, out, ProgressListener.NONE);
    }

    /** The same, telling {@code progress} ({@value PdfPages#STAGE}) after each school; it may stop the work by throwing. */
    public static void writeRiderLists(Plan plan, String schoolId, Lang lang, OutputStream out, ProgressListener progress)
            throws IOException {
        PlanText text = new PlanText(plan, lang);
        Map<String, String> busOfRun = busOfRun(plan);
        List<PlanSchool> schools = schools(plan, schoolId);
        try (PdfPages pages = new PdfPages(lang.text("riders.title"), lang, "riders " + plan.inputs() + " " + schoolId)) {
            for (int s = 0; s < schools.size(); s++) {
                progress.progress(PdfPages.STAGE, (double) s / schools.size());
                PlanSchool school = schools.get(s);
                pages.startOnNewPage();
                pages.heading(lang.text("riders.heading", text.schoolName(school.id())), TITLE, 60);
                List<List<String>> rows = new ArrayList<>();
                for (StudentJourney j : riders(plan, school.id())) {
                    rows.add(List.of(j.studentId(), Integer.toString(j.grade()), text.stopName(j.stopId()),
                            text.time(j.amRunId(), j.stopId()), text.time(j.pmRunId(), j.stopId()), buses(j, busOfRun, lang)));
                }
                pages.table(List.of(new PdfPages.Column(lang.text("col.student"), 1.3f), new PdfPages.Column(lang.text("col.grade"), 0.5f),
                        new PdfPages.Column(lang.text("col.stop"), 2.6f), new PdfPages.Column(lang.text("col.amPickup"), 1.1f),
                        new PdfPages.Column(lang.text("col.pmDropoff"), 1.1f), new PdfPages.Column(lang.text("col.bus"), 1.8f)), rows, BODY);
            }
            pages.save(out);
        }
        progress.progress(PdfPages.STAGE, 1);
    }

    private static void drawSlip(PdfPages pages, PdfPages.Box slip, PlanText text, StudentJourney j, String stopWords,
                                 Map<String, String> busOfRun) throws IOException {
        Lang lang = text.lang;
        PDPageContentStream s = slip.stream();
        s.setStrokingColor(0.5f, 0.5f, 0.5f);
        s.setLineWidth(0.6f);
        s.setLineDashPattern(new float[]{3, 3}, 0);
        s.addRect(slip.x(), slip.y(), slip.width(), slip.height());
        s.stroke();
        s.setLineDashPattern(new float[]{}, 0);
        float pad = 10, x = slip.x() + pad, width = slip.width() - 2 * pad;
        float y = slip.y() + slip.height() - pad - HEAD;
        pages.drawText(x, y, HEAD, lang.text("notice.heading"), true);
        y -= HEAD * 0.6f;
        String[][] fields = {
                {lang.text("notice.school"), text.schoolName(j.schoolId())},
                {lang.text("notice.student"), j.studentId()},
                {lang.text("notice.stop"), text.stopName(j.stopId())},
                {lang.text("notice.where"), stopWords},
                {lang.text("notice.am"), orNone(text.time(j.amRunId(), j.stopId()), lang)},
                {lang.text("notice.pm"), orNone(text.time(j.pmRunId(), j.stopId()), lang)},
                {lang.text("notice.bus"), buses(j, busOfRun, lang)}};
        for (String[] field : fields) {
            for (String line : pages.wrap(field[0] + lang.text("sep.colon") + field[1], BODY, width)) {
                y -= BODY * PdfPages.LINE_GAP;
                pages.drawText(x, y, BODY, line, false);
            }
        }
        for (String line : pages.wrap(lang.text("notice.note"), SMALL, width)) {
            y -= SMALL * PdfPages.LINE_GAP;
            if (y < slip.y() + pad / 2) {
                break;
            }
            pages.drawText(x, y, SMALL, line, false);
        }
    }

    private static String orNone(String time, Lang lang) {
        return time.isEmpty() ? lang.text("notice.none") : time;
    }

    /** The bus of the morning run and, when another, of the afternoon run. */
    private static String buses(StudentJourney j, Map<String, String> busOfRun, Lang lang) {
        String am = j.amRunId() == null ? null : busOfRun.get(j.amRunId());
        String pm = j.pmRunId() == null ? null : busOfRun.get(j.pmRunId());
        if (am == null && pm == null) {
            return lang.text("notice.none");
        }
        if (am == null || pm == null || am.equals(pm)) {
            return am != null ? am : pm;
        }
        return lang.text("am") + " " + am + " / " + lang.text("pm") + " " + pm;
    }

    private static Map<String, String> busOfRun(Plan plan) {
        Map<String, String> out = new HashMap<>();
        for (BusRun run : plan.runs()) {
            out.put(run.runId(), run.busId());
        }
        return out;
    }

    private static List<PlanSchool> schools(Plan plan, String schoolId) {
        if (schoolId == null) {
            return plan.schools();
        }
        List<PlanSchool> one = plan.schools().stream().filter(s -> s.id().equals(schoolId)).toList();
        if (one.isEmpty()) {
            throw new IllegalArgumentException("the plan has no school " + schoolId);
        }
        return one;
    }

    private static List<StudentJourney> riders(Plan plan, String schoolId) {
        return plan.journeys().stream().filter(j -> j.schoolId().equals(schoolId))
                .sorted(Comparator.comparing(StudentJourney::studentId)).toList();
    }
}
