package org.xiaoche.web.export;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.xiaoche.web.job.CrashRecovery;
import org.xiaoche.web.job.Instances;
import org.xiaoche.web.system.XiaocheProperties;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files export jobs make, under the data folder (which every instance shares):
 * {@code exports/<instance>/<job>/<download name>}, owner-only. A file is written to a hidden part file
 * and renamed when whole, so no half file is ever served; it is taken once by its download and deleted
 * when that ends; one nobody took is deleted after {@link ExportFileSettings#keepFor()} (a sweep every
 * minute, and checked again when taken); and at start, and whenever an instance is found dead, the
 * files of instances no longer alive go too: rider lists and notices name students and must not linger.
 * Ages are wall-clock time of the files, not the service's calendar clock.
 */
@Component
public class ExportFiles implements CrashRecovery {

    private static final Logger log = LoggerFactory.getLogger(ExportFiles.class);
    private static final String PART = ".part";
    private static final String TAKEN = ".taken-";

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** A file taken for its one download; closing it deletes it. */
    public record Taken(Path file, String name) implements Closeable {
        @Override
        public void close() {
            deleteQuietly(file.getParent());
        }
    }

    private final XiaocheProperties properties;
    private final Instances instances;
    private final Duration keepFor;
    private ScheduledExecutorService sweeper;

    public ExportFiles(XiaocheProperties properties, Instances instances, ExportFileSettings settings) {
        this.properties = properties;
        this.instances = instances;
        this.keepFor = settings.keepFor();
    }

    private Path root() {
        return properties.dataDir().resolve("exports").toAbsolutePath().normalize();
    }

    private Path folder(String instance, long jobId) {
        Path folder = root().resolve(instance).resolve(Long.toString(jobId)).normalize();
        if (!folder.getParent().getParent().equals(root())) {
            throw new IllegalArgumentException("not an instance name: " + instance);
        }
        return folder;
    }

    /**
     * Writes job {@code jobId}'s file on this instance under {@code fileName}; on any failure (a cancel
     * included) nothing of it is left.
     */
    public void write(long jobId, String fileName, Content content) throws IOException {
        Path folder = folder(instances.self(), jobId);
        Path target = folder.resolve(fileName).normalize();
        if (!folder.equals(target.getParent()) || fileName.startsWith(".")) {
            throw new IllegalArgumentException("not a file name: " + fileName);
        }
        boolean done = false;
        try {
            ownerOnlyFolder(folder);
            Path part = ownerOnlyFile(folder.resolve(PART));
            try (OutputStream out = Files.newOutputStream(part)) {
                content.write(out);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (!done) {
                deleteQuietly(folder);
            }
        }
    }

    /**
     * Takes job {@code jobId}'s finished file (made on {@code instance}) for its one download: moved where
     * no second download finds it. Empty when there is none any more (downloaded, expired, or its instance
     * stopped); an expired file found here is deleted at once.
     */
    public Optional<Taken> take(String instance, long jobId) {
        Path folder = folder(instance, jobId);
        Optional<Path> file = children(folder).stream().filter(f -> !f.getFileName().toString().startsWith(".")).findFirst();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (expired(file.get())) {
            deleteQuietly(folder);
            return Optional.empty();
        }
        Path taken = folder.resolve(TAKEN + UUID.randomUUID());
        try {
            Files.move(file.get(), taken, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take an export file", e);
        }
        return Optional.of(new Taken(taken, file.get().getFileName().toString()));
    }

    /** Deletes job {@code jobId}'s file, taken or not. */
    public void discard(String instance, long jobId) {
        deleteQuietly(folder(instance, jobId));
    }

    /** Deletes every file, of any instance, that waited longer than {@code keepFor}; returns how many. */
    int sweep() {
        int removed = 0;
        for (Path instance : children(root())) {
            for (Path job : children(instance)) {
                boolean old = children(job).stream().filter(f -> !f.getFileName().toString().equals(PART)).anyMatch(this::expired);
                if (old) {
                    deleteQuietly(job);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            log.info("removed {} export files nobody downloaded within {}", removed, keepFor);
        }
        return removed;
    }

    /** Files of instances no longer alive: their jobs cannot finish, and what they finished must not linger. */
    @Override
    public void recover() {
        int removed = 0;
        for (Path instance : children(root())) {
            if (!instances.isAlive(instance.getFileName().toString())) {
                removed += children(instance).size();
                deleteQuietly(instance);
            }
        }
        if (removed > 0) {
            log.warn("removed {} export files left by instances that stopped", removed);
        }
    }

    @PostConstruct
    void startSweeping() {
        long period_s = Math.max(1, Math.min(60, keepFor.toSeconds()));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "export-file-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("sweeping export files failed: {}", e.getClass().getName());
            }
        }, period_s, period_s, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopSweeping() {
        sweeper.shutdownNow();
    }

    private boolean expired(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toInstant().plus(keepFor).isBefore(Instant.now());
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an export file's age", e);
        }
    }

    private static Path ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder.getParent());
        try {
            if (posix(folder)) {
                return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            return folder;
        }
    }

    private static Path ownerOnlyFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (posix(file)) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list export files", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            log.warn("cannot delete an export file: {}", e.getClass().getName());
        }
    }
}
