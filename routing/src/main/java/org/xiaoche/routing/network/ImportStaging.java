package org.xiaoche.routing.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folder one import builds its graph in before the folder is renamed into place: named uniquely
 * ({@code <graph>.importing-<uuid>}, so processes sharing a graph cache never collide) and owned through
 * an OS file lock on {@code <folder>.lock}, held for the whole import. The operating system drops that
 * lock when the process dies, even by {@code kill -9}, so a folder whose lock can be taken was abandoned
 * and {@link #removeAbandoned} may delete it while other processes go on importing.
 */
final class ImportStaging implements AutoCloseable {

    static final String MARK = ".importing-";
    private static final String LOCK_SUFFIX = ".lock";

    private final Path dir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private ImportStaging(Path dir, Path lockFile, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes a new staging folder under {@code cacheRoot} for the graph folder named {@code graphName}; not yet created. */
    static ImportStaging take(Path cacheRoot, String graphName) {
        Path dir = cacheRoot.resolve(graphName + MARK + UUID.randomUUID());
        Path lockFile = dir.resolveSibling(dir.getFileName() + LOCK_SUFFIX);
        try {
            Files.createDirectories(cacheRoot);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // Locked before the folder exists: a folder that exists always had its lock taken first.
            return new ImportStaging(dir, lockFile, channel, channel.lock());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an import folder under " + cacheRoot, e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Deletes what is left of the folder (nothing after a rename into place) and gives up the lock. */
    @Override
    public void close() {
        try {
            deleteTree(dir);
            Files.deleteIfExists(lockFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove import folder " + dir.getFileName(), e);
        }
    }

    /**
     * Deletes every staging folder under {@code cacheRoot} whose import is no longer running (its process
     * died), with its lock file; folders of imports running in this or another process are left alone.
     *
     * @return the folders deleted
     */
    static List<Path> removeAbandoned(Path cacheRoot) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(cacheRoot)) {
            return removed;
        }
        List<Path> staging;
        try (Stream<Path> children = Files.list(cacheRoot)) {
            staging = children.filter(p -> p.getFileName().toString().contains(MARK) && Files.isDirectory(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cacheRoot, e);
        }
        for (Path dir : staging) {
            Path lockFile = dir.resolveSibling(dir.getFileName() + LOCK_SUFFIX);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException inThisProcess) {
                    continue;
                }
                if (lock == null) {
                    continue;
                }
                try {
                    deleteTree(dir);
                    Files.deleteIfExists(lockFile);
                    removed.add(dir);
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove abandoned import folder " + dir.getFileName(), e);
            }
        }
        return removed;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
