package org.xiaoche.routing.export.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.StudentJourney;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notices and rider lists of the demo plan: each student once, stop and times, never a coordinate. */
class SchoolRidersTest {

    @TempDir
    Path dir;

    private static final Pattern COORDINATE = Pattern.compile("\\d+\\.\\d{4,}");

    private static int count(String text, String word) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }

    @Test
    void everyRiderOfASchoolGetsOneNoticeWithStopTimesAndBus() throws Exception {
        Plan plan = DemoPlan.plan();
        PlanSchool school = plan.schools().get(0);
        List<StudentJourney> riders = plan.journeys().stream().filter(j -> j.schoolId().equals(school.id())).toList();
        assertTrue(riders.size() > 8, "more than a page of slips");
        Path pdf = PdfChecks.write(dir.resolve("notices.pdf"), out -> SchoolRiders.writeNotices(plan, DemoPlan.network(), school.id(), Lang.ZH, out));
        PdfChecks.assertChineseFontEmbedded(pdf);
        String text = PdfChecks.text(pdf);
        assertEquals(riders.size(), count(text, "乘车通知单") - PdfChecks.pages(pdf), "one slip per rider (the footer names it once a page)");
        assertEquals((riders.size() + 7) / 8, PdfChecks.pages(pdf), "eight slips a page");
        for (StudentJourney j : riders) {
            assertEquals(1, count(text, "学生编号：" + j.studentId() + "\n") + count(text, "学生编号：" + j.studentId() + " "),
                    "once: " + j.studentId());
            assertTrue(text.contains(plan.findStop(j.stopId()).orElseThrow().name()));
            String pickup = ClockTime.hhmm(PublishedTimetable.of(plan, plan.buses()).timeAt(j.amRunId(), j.stopId()).orElseThrow());
            assertTrue(text.contains("上午上车：" + pickup), j.studentId());
        }
        plan.journeys().stream().filter(j -> !j.schoolId().equals(school.id()))
                .forEach(j -> assertFalse(text.contains(j.studentId()), "another school's student " + j.studentId()));
        assertFalse(COORDINATE.matcher(text).find(), "no coordinates at all");
        assertTrue(text.contains("旁"), "stops are placed by their road");

        BufferedImage page = PdfChecks.render(pdf, 1, 50);
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 2; col++) {
                double x0 = 0.08 + col * 0.43, y0 = 0.05 + row * 0.225;
                assertTrue(PdfChecks.ink(page, x0, y0, x0 + 0.2, y0 + 0.03) > 0.02, "slip " + row + "," + col + " has its heading drawn");
            }
        }
    }

    @Test
    void riderListsNameEachStudentOnceWithGradeStopAndTimes() throws Exception {
        Plan plan = DemoPlan.plan();
        Path pdf = PdfChecks.write(dir.resolve("riders.pdf"), out -> SchoolRiders.writeRiderLists(plan, null, Lang.ZH, out));
        String text = PdfChecks.text(pdf);
        for (StudentJourney j : plan.journeys()) {
            assertEquals(1, count(text, j.studentId() + " "), j.studentId());
            assertTrue(text.contains(j.studentId() + " " + j.grade() + " "), j.studentId());
        }
        assertFalse(COORDINATE.matcher(text).find(), "no coordinates");
        assertThrows(IllegalArgumentException.class,
                () -> SchoolRiders.writeRiderLists(plan, "no-such-school", Lang.ZH, java.io.OutputStream.nullOutputStream()));
    }
}
