package org.xiaoche.routing.export.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.network.RouteRoadNames;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.export.edition.PublishedTimetable;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The permit annex of the demo plan: every bus's times, roads in order and stops with locations; no students. */
class PermitAnnexTest {

    @TempDir
    Path dir;

    @Test
    void demoPermitAnnexCarriesTimesRoadsAndStops() throws Exception {
        Plan plan = DemoPlan.plan();
        Path pdf = PdfChecks.write(dir.resolve("permit.pdf"), out -> PermitAnnex.write(plan, DemoPlan.network(), Lang.ZH, out));
        PdfChecks.assertChineseFontEmbedded(pdf);
        String text = PdfChecks.text(pdf);
        // The stripper breaks lines where the page does; compare without line breaks.
        String flat = text.replaceAll("\\s*\\n\\s*", "");
        assertTrue(text.contains("校车使用许可"), text);
        RouteRoadNames roadNames = new RouteRoadNames(DemoPlan.network());
        Bus bus = plan.buses().get(0);
        for (BusRun run : bus.runs()) {
            List<RouteRoadNames.RoadOfRoute> roads = roadNames.through(PlanText.places(run), Locale.SIMPLIFIED_CHINESE);
            assertFalse(roads.isEmpty(), run.runId());
            String inOrder = String.join(" → ", roads.stream().map(RouteRoadNames.RoadOfRoute::label).toList());
            assertTrue(flat.contains(inOrder.replace(" ", "")) || flat.replace(" ", "").contains(inOrder.replace(" ", "")),
                    run.runId() + ": " + inOrder);
            assertTrue(text.contains(PublishedTimetable.of(plan, plan.buses()).run(run.runId()).orElseThrow().first().time()),
                    "the run's published first time");
            for (TimedStop stop : run.stops()) {
                if (!stop.school()) {
                    assertTrue(text.contains(plan.findStop(stop.placeId()).orElseThrow().name()));
                    assertTrue(text.contains(PlanText.location(stop.location())), "stop location " + stop.placeId());
                }
            }
        }
        for (Bus b : plan.buses()) {
            assertTrue(text.contains("车辆 " + b.busId()), b.busId());
        }
        assertFalse(text.matches("(?s).*\\b\\d{2}:\\d{2}:\\d{2}\\b.*"), "no time to the second");
        for (StudentJourney j : plan.journeys()) {
            assertFalse(text.contains(j.studentId()), "no student id: " + j.studentId());
        }
        assertFalse(text.contains("学生"), "nothing about students");
        assertTrue(PdfChecks.ink(PdfChecks.render(pdf, 1, 50), 0.05, 0.02, 0.6, 0.07) > 0.03, "the title is drawn");
    }
}
