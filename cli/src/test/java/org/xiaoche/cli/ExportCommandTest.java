package org.xiaoche.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code xiaoche export …} on a demo plan folder: every format, the editions, and clear errors. */
class ExportCommandTest {

    @TempDir
    static Path dir;

    static Path planDir;


    @BeforeAll
    static void planDemo() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{ \"routes\": { \"solverSeconds\": 5 } }");
        planDir = dir.resolve("plan");
        CliRun r = run("plan", "--demo", "--policy", policy.toString(), "--graph-cache", dir.resolve("cache").toString(),
                "--iterations-per-stop", "10", "--out", planDir.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void everyFormatIsWritten() throws Exception {
        for (String format : List.of("gtfs", "xlsx", "csv", "gpx", "geojson")) {
            Path out = dir.resolve("out").resolve(format + ".bin");
            CliRun r = run("export", format, "--plan", planDir.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), format + ": " + r.err());
            assertTrue(Files.size(out) > 100, format);
            assertTrue(r.out().contains("operator edition"), r.out());
        }
        List<String> entries = zipEntries(Files.readAllBytes(dir.resolve("out/gtfs.bin")));
        assertTrue(entries.containsAll(List.of("agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt",
                "calendar.txt", "calendar_dates.txt", "shapes.txt", "feed_info.txt")), entries.toString());
        String csv = Files.readString(dir.resolve("out/csv.bin"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF车辆,"), "Chinese headers by default");
        CliRun english = run("export", "csv", "--plan", planDir.toString(), "--lang", "en", "--edition", "planner",
                "--out", dir.resolve("out/en.csv").toString());
        assertEquals(0, english.exitCode(), english.err());
        assertTrue(Files.readString(dir.resolve("out/en.csv")).startsWith("\uFEFFbus,run,direction,school,seq,stop,lon,lat,time,boarding,alighting"));
    }

    @Test
    void permitNamesTheRoadsFromTheNetwork() throws Exception {
        Path osm = dir.resolve("cache").resolve("demo-county").resolve(org.xiaoche.demodata.DemoCounty.OSM_FILE);
        assertTrue(Files.isRegularFile(osm), "the demo county was unpacked by plan --demo");
        CliRun r = run("export", "permit", "--plan", planDir.toString(), "--osm", osm.toString(),
                "--graph-cache", dir.resolve("cache").toString(), "--out", dir.resolve("permit.xlsx").toString());
        assertEquals(0, r.exitCode(), r.err());
        CliRun withoutNetwork = run("export", "permit", "--plan", planDir.toString(), "--out", dir.resolve("p2.xlsx").toString());
        assertEquals(2, withoutNetwork.exitCode());
        assertTrue(withoutNetwork.err().contains("--osm"), withoutNetwork.err());
        assertFalse(Files.exists(dir.resolve("p2.xlsx")), "nothing half-written");
    }

    @Test
    void ridersNeedThePlannerEdition() throws Exception {
        CliRun refused = run("export", "riders", "--plan", planDir.toString(), "--out", dir.resolve("r.zip").toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("planner edition only"), refused.err());
        assertFalse(Files.exists(dir.resolve("r.zip")));
        CliRun ok = run("export", "riders", "--plan", planDir.toString(), "--edition", "planner", "--out", dir.resolve("r.zip").toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertFalse(zipEntries(Files.readAllBytes(dir.resolve("r.zip"))).isEmpty());
    }

    @Test
    void missingOrInvalidPlanFolderIsOneClearError() throws Exception {
        CliRun missing = run("export", "gtfs", "--plan", dir.resolve("nowhere").toString(), "--out", dir.resolve("x.zip").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("plan folder not found"), missing.err());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun noPlan = run("export", "xlsx", "--plan", empty.toString(), "--out", dir.resolve("x.xlsx").toString());
        assertEquals(2, noPlan.exitCode());
        assertTrue(noPlan.err().contains("has no plan.json"), noPlan.err());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("plan.json"), "{ \"formatVersion\": 1, \"buses\": 3 }");
        CliRun invalid = run("export", "gpx", "--plan", broken.toString(), "--out", dir.resolve("x.gpx").toString());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().contains("plan.json"), invalid.err());
        CliRun badEdition = run("export", "gtfs", "--plan", planDir.toString(), "--edition", "public", "--out", dir.resolve("x.zip").toString());
        assertEquals(2, badEdition.exitCode());
        assertTrue(badEdition.err().contains("operator or planner"), badEdition.err());
    }

    private static List<String> zipEntries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }
}
