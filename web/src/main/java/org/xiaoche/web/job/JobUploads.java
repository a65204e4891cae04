package org.xiaoche.web.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.xiaoche.web.system.XiaocheProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Copies of uploaded files (rosters carry minors' homes) kept under the data folder, never in the system
 * temp folder: {@code uploads/<instance>/<random>/}. A request deletes its folder when it is done; a
 * folder handed to a job (parameter {@value #PARAM}) is deleted when the job ends, however it ends. What
 * a crash leaves (folders of instances no longer alive that no unfinished job needs) goes at the next start.
 * Tomcat's own folder, where it spools multipart bodies before any code sees them, is {@code tomcat} in
 * this instance's folder too, so those copies are cleaned up the same way.
 */
@Component
public class JobUploads implements CrashRecovery, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** The job parameter naming the job's upload folder, relative to the data folder. */
    public static final String PARAM = "uploadDir";

    private static final Logger log = LoggerFactory.getLogger(JobUploads.class);

    private final XiaocheProperties properties;
    private final Instances instances;
    private final JobRepository jobs;

    public JobUploads(XiaocheProperties properties, Instances instances, JobRepository jobs) {
        this.properties = properties;
        this.instances = instances;
        this.jobs = jobs;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        try {
            factory.setBaseDirectory(Files.createDirectories(root().resolve(instances.self()).resolve("tomcat")).toAbsolutePath().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload folder", e);
        }
    }

    private Path root() {
        return properties.dataDir().resolve("uploads");
    }

    /** A new, empty folder of this instance's for one upload. */
    public Path newFolder() throws IOException {
        return Files.createDirectories(root().resolve(instances.self()).resolve(UUID.randomUUID().toString()));
    }

    /** {@code path} relative to the data folder, as job parameters name files. */
    public String relative(Path path) {
        return properties.dataDir().relativize(path).toString();
    }

    /** Deletes an upload folder and everything in it. */
    public void delete(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete an upload folder", e);
        }
    }

    /** Deletes the upload folder of a job that has ended, if it had one. */
    public void release(Job job) {
        String dir = job.params().get(PARAM);
        if (dir != null) {
            Path folder = properties.dataDir().resolve(dir).normalize();
            if (folder.startsWith(root())) {
                delete(folder);
            }
        }
    }

    /** Upload folders of instances no longer alive, except those an unfinished job still needs. */
    @Override
    public void recover() {
        if (!Files.isDirectory(root())) {
            return;
        }
        Set<Path> needed = new HashSet<>();
        for (Job job : jobs.listUnfinished()) {
            String dir = job.params().get(PARAM);
            if (dir != null) {
                needed.add(properties.dataDir().resolve(dir).normalize());
            }
        }
        int removed = 0;
        for (Path instance : children(root())) {
            if (instances.isAlive(instance.getFileName().toString())) {
                continue;
            }
            for (Path folder : children(instance)) {
                if (!needed.contains(folder.normalize())) {
                    delete(folder);
                    removed++;
                }
            }
            if (children(instance).isEmpty()) {
                delete(instance);
            }
        }
        if (removed > 0) {
            log.warn("removed {} upload copies left by instances that stopped", removed);
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list upload folders", e);
        }
    }
}
