package org.xiaoche.routing.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import folders are named uniquely and removed at start only when their import died: a folder whose
 * process was killed with SIGKILL goes, one whose import is running (here or in another process) stays.
 */
class ImportStagingTest {

    @TempDir
    Path cache;

    @Test
    void twoImportsOfOneGraphGetDifferentFolders() {
        try (ImportStaging a = ImportStaging.take(cache, "region-abc"); ImportStaging b = ImportStaging.take(cache, "region-abc")) {
            assertNotEquals(a.dir(), b.dir());
            assertTrue(a.dir().getFileName().toString().startsWith("region-abc" + ImportStaging.MARK));
        }
    }

    @Test
    void aRunningImportKeepsItsFolderAndAClosedOneLeavesNothing() throws Exception {
        ImportStaging running = ImportStaging.take(cache, "g");
        Files.createDirectories(running.dir());
        Files.writeString(running.dir().resolve("nodes"), "x");
        assertEquals(0, RoadNetwork.removeAbandonedImports(cache), "the import runs in this process");
        assertTrue(Files.exists(running.dir().resolve("nodes")));
        running.close();
        try (var left = Files.list(cache)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void theFolderOfAKilledProcessIsRemovedAndALiveOnesIsKept() throws Exception {
        Path killedDir = cache.resolve("g" + ImportStaging.MARK + "killed");
        Path liveDir = cache.resolve("g" + ImportStaging.MARK + "live");
        Process killed = holdLock(killedDir);
        Process live = holdLock(liveDir);
        try {
            killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertFalse(killed.isAlive());
            assertEquals(1, RoadNetwork.removeAbandonedImports(cache));
            assertFalse(Files.exists(killedDir), "the killed import's folder is removed");
            assertFalse(Files.exists(cache.resolve(killedDir.getFileName() + ".lock")));
            assertTrue(Files.exists(liveDir.resolve("nodes")), "the other process's running import keeps its folder");
        } finally {
            live.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(1, RoadNetwork.removeAbandonedImports(cache));
        assertFalse(Files.exists(liveDir));
    }

    /** Another JVM that takes the lock of {@code dir} as an import does, fills the folder, and waits to be killed. */
    private static Process holdLock(Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
        return p;
    }

    /** Main of the child process. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            FileChannel channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("nodes"), "x");
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
