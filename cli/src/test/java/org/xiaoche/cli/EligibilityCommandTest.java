package org.xiaoche.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.demodata.DemoCounty;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The eligibility command end to end: the demo county, and bad input giving one clear error. */
class EligibilityCommandTest {

    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private static List<CSVRecord> readCsv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void demoCountyEndToEnd() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = run("eligibility", "--demo", "--graph-cache", dir.resolve("cache").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("[100%] done"), "progress reaches 100 %: " + run.err());
        assertTrue(run.out().contains("total"), run.out());

        List<CSVRecord> students = readCsv(out.resolve("students.csv"));
        List<CSVRecord> input = readCsv(DemoCounty.extractTo(dir.resolve("demo")).resolve(DemoCounty.STUDENTS_FILE));
        assertEquals(input.size(), students.size(), "every student is in the output, none dropped");
        Map<String, Long> byStatus = students.stream().collect(Collectors.groupingBy(r -> r.get("status"), Collectors.counting()));
        assertTrue(byStatus.get("walks") > 0 && byStatus.get("needs_transport") > 0, byStatus.toString());
        for (CSVRecord r : students) {
            switch (r.get("status")) {
                case "walks" -> assertTrue(Double.parseDouble(r.get("walk_m")) <= 2000, r.toString());
                case "needs_transport" -> assertTrue(Double.parseDouble(r.get("walk_m")) > 2000, r.toString());
                case "unreachable" -> assertFalse(r.get("reason").isBlank(), r.toString());
                default -> throw new AssertionError("unknown status " + r.get("status"));
            }
        }
        // The river: some homes are close to their school in a straight line yet need transport.
        Map<String, CSVRecord> inputById = input.stream().collect(Collectors.toMap(r -> r.get("student_id"), Function.identity()));
        List<CSVRecord> schools = readCsv(DemoCounty.extractTo(dir.resolve("demo")).resolve(DemoCounty.SCHOOLS_FILE));
        Map<String, CSVRecord> schoolById = schools.stream().collect(Collectors.toMap(r -> r.get("school_id"), Function.identity()));
        long nearButFar = students.stream().filter(r -> r.get("status").equals("needs_transport")).filter(r -> {
            CSVRecord home = inputById.get(r.get("student_id"));
            CSVRecord school = schoolById.get(r.get("school_id"));
            double dx = (Double.parseDouble(home.get("lon")) - Double.parseDouble(school.get("lon"))) * 111_000 * Math.cos(Math.toRadians(37.2));
            double dy = (Double.parseDouble(home.get("lat")) - Double.parseDouble(school.get("lat"))) * 111_000;
            return Math.hypot(dx, dy) < 1_500;
        }).count();
        assertTrue(nearButFar > 0, "some homes within 1.5 km in a straight line need transport");

        List<CSVRecord> summary = readCsv(out.resolve("schools.csv"));
        assertEquals(schools.size(), summary.size());
        assertTrue(Files.size(out.resolve("students.geojson")) > 1000);
    }

    @Test
    void badInputGivesOneClearErrorAndExitCode2() throws Exception {
        Path cache = dir.resolve("cache");
        Path demo = DemoCounty.extractTo(dir.resolve("demo"));
        Path badStudents = dir.resolve("students.csv");
        Files.writeString(badStudents, "student_id,school_id,grade,lon,lat\nP1,S001,3,abc,37.2\n");
        CliRun rejected = run("eligibility", "--osm", demo.resolve(DemoCounty.OSM_FILE).toString(),
                "--schools", demo.resolve(DemoCounty.SCHOOLS_FILE).toString(), "--students", badStudents.toString(),
                "--graph-cache", cache.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, rejected.exitCode());
        assertTrue(rejected.err().contains("students.csv:2 [lon]: not a number"), rejected.err());
        assertFalse(rejected.err().contains("\tat "), "no stack trace: " + rejected.err());
        assertFalse(Files.exists(dir.resolve("out").resolve("students.csv")), "nothing written for rejected input");

        CliRun missingOsm = run("eligibility", "--osm", dir.resolve("none.osm.pbf").toString(),
                "--schools", "a.csv", "--students", "b.csv", "--out", dir.resolve("out2").toString(),
                "--graph-cache", cache.toString());
        assertEquals(2, missingOsm.exitCode());
        assertTrue(missingOsm.err().contains("OSM file not found"), missingOsm.err());

        CliRun badCrs = run("eligibility", "--demo", "--crs", "mars", "--graph-cache", cache.toString(),
                "--out", dir.resolve("out3").toString());
        assertEquals(2, badCrs.exitCode());
        assertTrue(badCrs.err().contains("mars"), badCrs.err());
    }

    @Test
    void truncatedOsmFileFailsAtOnceWithExit2AndNoStackTrace() throws Exception {
        Path demo = DemoCounty.extractTo(dir.resolve("demo"));
        // The first 33 bytes of a PBF: a block header announcing more data than the file has.
        byte[] pbf = {0, 0, 0, 14, 10, 9, 'O', 'S', 'M', 'H', 'e', 'a', 'd', 'e', 'r', 24, (byte) 0xd0, 0x01,
                16, 1, 26, 12, 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'};
        Path cut = dir.resolve("cut.osm.pbf");
        Files.write(cut, pbf);
        Path cache = dir.resolve("cache");
        CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> run("eligibility", "--osm", cut.toString(),
                        "--schools", demo.resolve(DemoCounty.SCHOOLS_FILE).toString(),
                        "--students", demo.resolve(DemoCounty.STUDENTS_FILE).toString(),
                        "--graph-cache", cache.toString(), "--out", dir.resolve("out").toString()));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("error: cannot import OSM file cut.osm.pbf: the file is truncated"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.err().contains("Exception in thread"), "no dying reader thread: " + run.err());
        try (var left = Files.list(cache)) {
            assertEquals(List.of(), left.toList(), "no staging folder left behind");
        } catch (java.nio.file.NoSuchFileException none) {
            // no cache folder at all is as good
        }
    }
}
