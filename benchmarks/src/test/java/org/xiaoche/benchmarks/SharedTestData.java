package org.xiaoche.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the read-only shared data (the SBRP and CVRPLIB instances) that lives beside the project
 * checkout as {@code ../shared}. The system property {@code xiaoche.shared} overrides. Tests that
 * need it guard with {@code assumeTrue(dir(name).isPresent(), absentMessage(name))} so that an
 * absent folder is reported clearly instead of failing obscurely.
 */
public final class SharedTestData {

    private SharedTestData() {
    }

    /** The shared folder, if present: {@code xiaoche.shared}, else {@code ../shared} beside the project root. */
    public static Optional<Path> root() {
        String configured = System.getProperty("xiaoche.shared");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("benchmarks"))) {
                Path shared = dir.resolveSibling("shared");
                return Files.isDirectory(shared) ? Optional.of(shared.normalize()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A sub-folder of the shared data, e.g. {@code "osm"}; empty when absent. */
    public static Optional<Path> dir(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }

    /** Message used when a test is skipped because shared data is absent. */
    public static String absentMessage(String name) {
        return "SKIPPED: ../shared/" + name + " is absent (set -Dxiaoche.shared=DIR to point at it)";
    }
}
