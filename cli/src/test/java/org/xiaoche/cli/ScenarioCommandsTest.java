package org.xiaoche.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
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

/** {@code scenario} and {@code optimise-layout} on a demo plan folder: the files, the verdict, and clear errors. */
class ScenarioCommandsTest {

    @TempDir
    static Path dir;

    static Path cache, base;

    @BeforeAll
    static void planTheDemoCounty() {
        cache = dir.resolve("cache");
        base = dir.resolve("base");
        assertEquals(0, XiaocheCommand.commandLine().execute("plan", "--demo", "--graph-cache", cache.toString(),
                "--out", base.toString()));
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var cli = XiaocheCommand.commandLine();
            cli.setErr(new java.io.PrintWriter(System.err, true));
            int code = cli.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void scenarioWritesThePlanAndTheComparisonWithTheVerdictFirst() throws Exception {
        Path out = dir.resolve("close-s006");
        Result r = run("scenario", "--plan", base.toString(), "--demo", "--graph-cache", cache.toString(),
                "--close", "S006", "--into", "S001", "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().startsWith("scenario                   close S006\nverdict"), r.out());
        assertTrue(r.err().contains("%]"), "progress on stderr");
        for (String file : List.of("plan.json", "stops.geojson", "routes.geojson", "timetable.csv", "students.csv",
                "comparison.json", "comparison.csv")) {
            assertTrue(Files.size(out.resolve(file)) > 100, file);
        }
        JsonNode c = new ObjectMapper().readTree(out.resolve("comparison.json").toFile());
        JsonNode s = c.at("/scenarios/0");
        assertEquals("S006", s.at("/closedSchools/0/schoolId").asText());
        assertEquals(6, s.at("/closedSchools/0/studentsMoved").asInt(), "S006 has six pupils");
        assertEquals("S001", s.at("/receivingSchools/0/schoolId").asText());
        assertEquals("unknown", s.at("/receivingSchools/0/bedsStatus").asText(), "the demo roster gives no beds");
        assertTrue(s.at("/figures/rulesValid").asBoolean());
        assertEquals(0, run("validate", "--plan", out.toString()).code(), "the scenario's plan re-validates from its folder");
    }

    @Test
    void anUnknownSchoolIsAClearError() {
        Result r = run("scenario", "--plan", base.toString(), "--demo", "--graph-cache", cache.toString(),
                "--close", "S999", "--out", dir.resolve("bad").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: no closed school with id 'S999' in the baseline"), r.err());
        assertFalse(Files.exists(dir.resolve("bad").resolve("plan.json")));
        Result noPlan = run("scenario", "--plan", dir.resolve("nowhere").toString(), "--demo", "--close", "S006",
                "--out", dir.resolve("bad").toString());
        assertEquals(2, noPlan.code());
        assertTrue(noPlan.err().contains("no plan.json"), noPlan.err());
    }

    @Test
    void optimiseLayoutWritesTheParetoSetAndOnePlanFolderPerPoint() throws Exception {
        Path out = dir.resolve("layout");
        Result r = run("optimise-layout", "--plan", base.toString(), "--demo", "--graph-cache", cache.toString(),
                "--candidates", "S006,S009", "--points", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        List<String> pareto = Files.readAllLines(out.resolve("pareto.csv"));
        assertTrue(pareto.get(0).startsWith("name,closures,estimated_yearly_cost"), pareto.get(0));
        assertTrue(pareto.size() >= 2, "at least one point");
        for (String row : pareto.subList(1, pareto.size())) {
            String name = row.substring(0, row.indexOf(','));
            assertTrue(Files.size(out.resolve(name).resolve("plan.json")) > 100, name);
            assertTrue(row.contains(",true,") , "re-planned and valid: " + row);
        }
        JsonNode points = new ObjectMapper().readTree(out.resolve("pareto.json").toFile());
        assertEquals(pareto.size() - 1, points.size());
        assertTrue(Files.exists(out.resolve("comparison.json")) && Files.exists(out.resolve("candidates.csv")));
    }
}
