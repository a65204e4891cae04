package org.xiaoche.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xiaoche.corpus.InputCase;
import org.xiaoche.corpus.MalformedInputs;
import org.xiaoche.demodata.DemoCounty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of awkward and malformed inputs through the command line: each file imports (exit 0) or is
 * refused with exit 2 and one clear error naming the file (and the line and field of a roster problem),
 * with no stack trace, no Java class name and no student's home, within two minutes.
 */
class MalformedInputCorpusTest {

    /** What a planner must never see in an error: stack frames, exception or Java class names. */
    static final Pattern TECHNICAL = Pattern.compile("\\tat |Exception|\\b(?:java|javax|org|com)\\.[a-z]+\\.|\\$[A-Z]");

    @TempDir
    static Path shared;
    static Path osm;
    static Path schools;
    static Path students;

    @BeforeAll
    static void demo() throws Exception {
        osm = DemoCounty.extractTo(shared.resolve("demo")).resolve(DemoCounty.OSM_FILE);
        schools = Files.write(shared.resolve("schools.csv"), MalformedInputs.schoolsCsv());
        students = Files.write(shared.resolve("students.csv"), MalformedInputs.studentsCsv());
    }

    static List<InputCase> corpus() {
        return MalformedInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void importsOrGivesOneClearError(InputCase input) {
        Path dir = shared.resolve("case-" + input.name());
        Path file = input.writeTo(dir.resolve("in"));
        List<String> args = new ArrayList<>(List.of(input.target() == InputCase.Target.FLEET ? "plan" : "eligibility",
                "--osm", (input.target() == InputCase.Target.OSM ? file : osm).toString(),
                "--schools", (input.target() == InputCase.Target.SCHOOLS ? file : schools).toString(),
                "--students", (input.target() == InputCase.Target.STUDENTS ? file : students).toString(),
                "--graph-cache", shared.resolve("cache").toString(), "--out", dir.resolve("out").toString()));
        if (input.target() == InputCase.Target.POLICY) {
            args.addAll(List.of("--policy", file.toString()));
        }
        if (input.target() == InputCase.Target.FLEET) {
            args.addAll(List.of("--fleet", file.toString()));
        }
        CliRun run = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.run(args.toArray(String[]::new)));
        if (input.imports()) {
            assertEquals(0, run.exitCode(), run.err());
            return;
        }
        assertEquals(2, run.exitCode(), "refused as bad input: " + run.err());
        String err = run.err();
        assertTrue(err.contains(input.fileName()), "names the file: " + err);
        assertFalse(TECHNICAL.matcher(err).find(), "no stack trace or class name: " + err);
        assertTrue(Files.notExists(dir.resolve("out")) || isEmpty(dir.resolve("out")), "nothing written");
        if (input.target() == InputCase.Target.STUDENTS) {
            MalformedInputs.HOME_COORDINATES.forEach(c -> assertFalse(err.contains(c) || run.out().contains(c), "no home in: " + err));
        }
        if (input.line() > 0) {
            assertTrue(err.contains(input.fileName() + ":" + input.line()), "names line " + input.line() + ": " + err);
        }
        if (input.field() != null && !input.field().isEmpty()) {
            assertTrue(err.contains("[" + input.field() + "]"), "names field " + input.field() + ": " + err);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
