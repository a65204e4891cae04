package org.xiaoche.routing.export.gtfs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.export.ExportTestPlans;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.BusRun;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GTFS feeds of real plans, checked by the MobilityData validator, which shares no code with the writer. */
class GtfsFeedTest {

    @TempDir
    Path dir;

    @Test
    void demoPlanFeedHasNoValidatorErrors() throws IOException {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        assertNoErrors("demo", request(demo));
    }

    @Test
    void sharedOsmPlanFeedHasNoValidatorErrors() throws IOException {
        Assumptions.assumeTrue(ExportTestPlans.ninghua().isPresent(), SharedTestData.absentMessage("osm/ninghua-fujian.osm"));
        assertNoErrors("ninghua", request(ExportTestPlans.ninghua().get()));
    }

    @Test
    void everyRunIsATripWithMinuteTimesThatNeverDecrease() throws IOException {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        byte[] zip = GtfsFeed.toBytes(request(demo));
        assertArrayEquals(zip, GtfsFeed.toBytes(request(demo)), "same request, same bytes");
        Map<String, List<String[]>> files = unzip(zip);
        Plan plan = demo.result().plan();
        Set<String> trips = files.get("trips.txt").stream().skip(1).map(r -> r[2]).collect(Collectors.toSet());
        assertEquals(plan.runs().stream().map(BusRun::runId).collect(Collectors.toSet()), trips);
        Set<String> stops = files.get("stops.txt").stream().skip(1).map(r -> r[0]).collect(Collectors.toSet());
        Map<String, Long> last = new HashMap<>();
        Map<String, Integer> calls = new HashMap<>();
        for (String[] row : files.get("stop_times.txt").subList(1, files.get("stop_times.txt").size())) {
            assertTrue(row[1].matches("\\d\\d:\\d\\d:00") && row[1].equals(row[2]), "a whole minute: " + String.join(",", row));
            assertTrue(stops.contains(row[3]), "stop in stops.txt: " + row[3]);
            String[] hms = row[1].split(":");
            long t = Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60;
            assertTrue(t >= last.getOrDefault(row[0], Long.MIN_VALUE), "times never decrease along " + row[0]);
            last.put(row[0], t);
            calls.merge(row[0], 1, Integer::sum);
        }
        for (BusRun run : plan.runs()) {
            assertEquals(run.stops().size(), calls.get(run.runId()), "every place of " + run.runId());
        }
    }

    private static PlanExportRequest request(ExportTestPlans.Planned planned) {
        return PlanExportRequest.operatorEdition(planned.result().plan()).withShapes(planned.shapes());
    }

    private void assertNoErrors(String name, PlanExportRequest request) throws IOException {
        Path feed = dir.resolve(name + ".zip");
        Files.write(feed, GtfsFeed.toBytes(request));
        // Validated for the term's first day, so the result does not depend on today's date.
        LocalDate day = request.plan().policy().termCalendar().firstDate();
        List<GtfsValidatorRun.Notice> notices = GtfsValidatorRun.validate(feed, dir.resolve(name + "-report"), day);
        notices.forEach(n -> System.out.println("GTFS " + name + ": " + n.severity() + " " + n.code() + " × " + n.total() + " "
                + n.samples().substring(0, Math.min(400, n.samples().length()))));
        List<GtfsValidatorRun.Notice> errors = notices.stream().filter(n -> n.severity().equals("ERROR")).toList();
        assertTrue(errors.isEmpty(), () -> errors.stream().map(n -> n.code() + " × " + n.total() + ": " + n.samples())
                .collect(Collectors.joining("\n")));
    }

    static Map<String, List<String[]>> unzip(byte[] zip) throws IOException {
        Map<String, List<String[]>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                List<String[]> rows = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isEmpty()) {
                        rows.add(line.split(",", -1));
                    }
                }
                files.put(e.getName(), rows);
            }
        }
        return files;
    }
}
