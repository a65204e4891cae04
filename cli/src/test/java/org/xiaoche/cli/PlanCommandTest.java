package org.xiaoche.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code xiaoche plan --demo}: every output file, a valid plan, no home coordinates in the timetable. */
class PlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoCountyPlansEndToEnd() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{ \"routes\": { \"solverSeconds\": 5 } }");
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = XiaocheCommand.commandLine().execute("plan", "--demo", "--policy", policy.toString(),
                    "--graph-cache", dir.resolve("cache").toString(), "--out", out.toString());
        } finally {
            System.setOut(old);
        }
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("rules                      VALID"), printed);
        assertTrue(printed.contains("coverage                   "), printed);
        assertTrue(printed.contains("students over caps         0"), printed);
        for (String file : List.of("stops.geojson", "routes.geojson", "timetable.csv", "students.csv", "plan.json")) {
            assertTrue(Files.size(out.resolve(file)) > 100, file);
        }
        List<String> timetable = Files.readAllLines(out.resolve("timetable.csv"));
        assertEquals("bus_id,run_id,direction,school_id,seq,kind,stop_id,lon,lat,arrival,departure,boarding,alighting,load",
                timetable.get(0));
        assertTrue(timetable.stream().anyMatch(l -> l.contains(",AM,")) && timetable.stream().anyMatch(l -> l.contains(",PM,")));
        String routes = Files.readString(out.resolve("routes.geojson"));
        assertTrue(routes.contains("\"LineString\""), "routes carry road geometry");
        var route = new com.fasterxml.jackson.databind.ObjectMapper().readTree(routes).at("/features/0/properties");
        List<String> keys = new java.util.ArrayList<>();
        route.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("run_id", "bus_id", "bus_type", "seats", "direction", "school_id", "students", "start_time",
                "end_time", "length_km"), keys, "the route layer the web serves too");
        List<String> students = Files.readAllLines(out.resolve("students.csv"));
        assertTrue(students.get(0).startsWith("student_id,school_id,grade,status,walk_m,stop_id"));
        assertFalse(students.get(0).contains("lon"), "no home coordinates in the plan's student file");

        assertEquals(0, run("validate", "--plan", out.toString()), "a stored plan re-validates and re-scores to what it stored");
        String plan = Files.readString(out.resolve("plan.json"));
        Files.writeString(out.resolve("plan.json"), plan.replaceFirst("\"arrival_s\" : ([0-9]+)", "\"arrival_s\" : 1$1"));
        assertEquals(3, run("validate", "--plan", out.toString()), "a run moved by hours no longer validates");
    }

    /** The same inputs give byte-identical files however busy the machine is. */
    @Test
    void demoPlanIsReproducibleWhileACoreIsBusy() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals(0, run("plan", "--demo", "--graph-cache", cache.toString(), "--out", dir.resolve("a").toString()));
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread busy = new Thread(() -> {
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        busy.setDaemon(true);
        busy.start();
        try {
            assertEquals(0, run("plan", "--demo", "--graph-cache", cache.toString(), "--out", dir.resolve("b").toString()));
        } finally {
            stop.set(true);
        }
        for (String file : List.of("plan.json", "timetable.csv", "students.csv", "stops.geojson")) {
            assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)), file + " differs");
        }
    }

    static int run(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return XiaocheCommand.commandLine().execute(args);
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void depotInTheSeaIsAnInputErrorWithinSeconds() throws Exception {
        Path fleet = Files.writeString(dir.resolve("sea-fleet.json"), "{\"busTypes\":[{\"id\":\"bus35\",\"seats\":35}],"
                + "\"depots\":[{\"id\":\"D-sea\",\"lon\":123.5,\"lat\":36.0}]}");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            var cli = XiaocheCommand.commandLine();
            cli.setErr(new java.io.PrintWriter(err, true));
            return run(cli, "plan", "--demo", "--fleet", fleet.toString(), "--graph-cache", dir.resolve("cache").toString(),
                    "--out", dir.resolve("sea").toString());
        });
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("error: sea-fleet.json: depot D-sea (123.50000, 36.00000) is outside the region"),
                err.toString());
        assertFalse(Files.exists(dir.resolve("sea").resolve("plan.json")));
    }

    private static int run(picocli.CommandLine cli, String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return cli.execute(args);
        } finally {
            System.setOut(old);
        }
    }
}
