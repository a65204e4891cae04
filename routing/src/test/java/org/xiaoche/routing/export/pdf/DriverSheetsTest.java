package org.xiaoche.routing.export.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Driver sheets of the demo plan: Chinese drawn and embedded, stops and minute times, directions, a map; no students. */
class DriverSheetsTest {

    @TempDir
    Path dir;

    @Test
    void demoDriverSheetsCarryStopsTimesDirectionsAndAMapAndNoStudents() throws Exception {
        Plan plan = DemoPlan.plan();
        Path pdf = PdfChecks.write(dir.resolve("driver-sheets.pdf"), out -> DriverSheets.write(plan, DemoPlan.network(), Lang.ZH, out));
        PdfChecks.assertChineseFontEmbedded(pdf);
        String text = PdfChecks.text(pdf);
        assertTrue(text.contains("校车行车单"), text);
        // The sheets publish the count-free minutes every export publishes, not the plan's dwell-bearing times.
        PublishedTimetable published = PublishedTimetable.of(plan, plan.buses());
        for (Bus bus : plan.buses()) {
            assertTrue(text.contains("车辆 " + bus.busId()), bus.busId());
            for (BusRun run : bus.runs()) {
                for (PublishedTimetable.Call call : published.run(run.runId()).orElseThrow().calls()) {
                    if (!call.school()) {
                        String name = plan.findStop(call.placeId()).orElseThrow().name();
                        assertTrue(text.contains(name), name);
                    }
                    String minute = call.time();
                    assertTrue(text.contains(minute), run.runId() + " " + minute);
                }
            }
        }
        assertTrue(text.contains("左转") || text.contains("右转"), "GraphHopper's zh_CN turn instructions");
        assertTrue(text.contains("到达"), "each leg ends at its place");
        assertFalse(text.matches("(?s).*\\b\\d{2}:\\d{2}:\\d{2}\\b.*"), "no time to the second");
        for (StudentJourney j : plan.journeys()) {
            assertFalse(text.contains(j.studentId()), "no student id: " + j.studentId());
        }
        assertFalse(text.contains("学生"), "nothing about students");

        BufferedImage first = PdfChecks.render(pdf, 1, 60);
        assertTrue(PdfChecks.ink(first, 0.05, 0.02, 0.6, 0.07) > 0.03, "the title is drawn");
        assertTrue(PdfChecks.pixelsNear(first, RouteMap.MORNING) > 300, "the morning route is drawn in its colour");
    }

    @Test
    void englishSheetsUseEnglishLabelsAndInstructions() throws Exception {
        Plan plan = DemoPlan.plan();
        String bus = plan.buses().get(0).busId();
        Path pdf = PdfChecks.write(dir.resolve("en.pdf"), out -> DriverSheets.write(plan, DemoPlan.network(), List.of(bus), Lang.EN, out));
        String text = PdfChecks.text(pdf);
        assertTrue(text.contains("Driver sheet · bus " + bus), text);
        assertTrue(text.contains("turn left") || text.contains("turn right") || text.contains("Turn left") || text.contains("Turn right"), text);
        assertFalse(text.contains("左转") || text.contains("右转"), text);
    }

    @Test
    void sameInputsGiveTheSameBytes() throws Exception {
        Plan plan = DemoPlan.plan();
        List<String> bus = List.of(plan.buses().get(0).busId());
        Path a = PdfChecks.write(dir.resolve("a.pdf"), out -> DriverSheets.write(plan, DemoPlan.network(), bus, Lang.ZH, out));
        Path b = PdfChecks.write(dir.resolve("b.pdf"), out -> DriverSheets.write(plan, DemoPlan.network(), bus, Lang.ZH, out));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /** Progress comes after each bus, rising to 1 at the end; a listener that throws (a cancelled job) stops the writing. */
    @Test
    void progressIsToldPerBusAndAThrowingListenerStopsTheSheets() throws Exception {
        Plan plan = DemoPlan.plan();
        List<String> buses = plan.buses().stream().map(Bus::busId).limit(3).toList();
        List<Double> told = new java.util.ArrayList<>();
        DriverSheets.write(plan, DemoPlan.network(), buses, Lang.ZH, java.io.OutputStream.nullOutputStream(), (stage, fraction) -> {
            assertEquals(PdfPages.STAGE, stage);
            told.add(fraction);
        });
        List<Double> expected = new java.util.ArrayList<>();
        for (int i = 0; i < buses.size(); i++) {
            expected.add((double) i / buses.size());
        }
        expected.add(1.0);
        assertEquals(expected, told);

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RuntimeException stop = new RuntimeException("cancelled");
        RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> DriverSheets.write(plan,
                DemoPlan.network(), buses, Lang.ZH, out, (stage, fraction) -> {
                    if (fraction > 0) {
                        throw stop;
                    }
                }));
        assertEquals(stop, thrown);
        assertEquals(0, out.size(), "nothing written of a stopped document");
    }
}
