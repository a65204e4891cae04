package org.xiaoche.routing.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output files (they hold homes) are owner-only, and whole or absent: never a truncated file that parses. */
class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void filesAndNewFoldersAreOwnerOnly() throws IOException {
        Path out = OutputFile.createFolder(dir.resolve("plan"));
        Path file = out.resolve("students.csv");
        OutputFile.writeText(file, w -> w.write("student_id\nP1\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        // Replacing a file someone made world-readable leaves an owner-only file.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OutputFile.writeText(file, w -> {
            try (w) {
                w.write("student_id\nP2\n");
            }
        });
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("student_id\nP2\n", Files.readString(file));
    }

    @Test
    void aWriteThatFailsLeavesThePreviousFileAndNoPart() throws IOException {
        Path file = dir.resolve("stops.geojson");
        OutputFile.writeText(file, w -> w.write("old"));
        assertThrows(IOException.class, () -> OutputFile.writeText(file, w -> {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), list());
    }

    @Test
    void aProcessKilledWhileWritingLeavesNoFileUnderTheRealName() throws Exception {
        Path file = dir.resolve("students.csv");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("half written", out.readLine());
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.notExists(file), "no truncated students.csv");
        assertTrue(list().stream().allMatch(f -> f.getFileName().toString().startsWith(".students.csv.")
                && f.getFileName().toString().endsWith(".part")), list().toString());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Main of the child process: writes half a file, says so, and waits to be killed. */
    public static final class SlowWriter {
        public static void main(String[] args) throws Exception {
            OutputFile.writeText(Path.of(args[0]), w -> {
                w.write("student_id,lon,lat\n");
                for (int i = 0; i < 10_000; i++) {
                    w.write("P" + i + ",117.2,31.8\n");
                }
                w.flush();
                System.out.println("half written");
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
