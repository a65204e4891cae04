package org.xiaoche.demodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled default demo county (seed {@value DemoCountyGenerator#DEFAULT_SEED},
 * {@value DemoCountyGenerator#DEFAULT_STUDENTS} students), packaged in this jar. SYNTHETIC:
 * not a real place and not real children.
 */
public final class DemoCounty {

    public static final String OSM_FILE = "demo-county.osm.gz";
    public static final String SCHOOLS_FILE = "schools.csv";
    public static final String STUDENTS_FILE = "students.csv";
    public static final List<String> FILES = List.of(OSM_FILE, SCHOOLS_FILE, STUDENTS_FILE);
    /** Classpath folder holding the bundled files. */
    public static final String RESOURCE_FOLDER = "/org/xiaoche/demodata/demo/";

    private DemoCounty() {
    }

    /** Opens one of the bundled {@link #FILES}; the caller closes the stream. */
    public static InputStream open(String fileName) {
        if (!FILES.contains(fileName)) {
            throw new IllegalArgumentException("not a demo county file: " + fileName + " (one of " + FILES + ")");
        }
        InputStream in = DemoCounty.class.getResourceAsStream(RESOURCE_FOLDER + fileName);
        if (in == null) {
            throw new IllegalStateException("demo county file " + fileName + " is missing from the classpath; rebuild xiaoche-osm-data");
        }
        return in;
    }

    /** Copies the three bundled files into {@code dir} (created if missing, existing files replaced) and returns {@code dir}. */
    public static Path extractTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String file : FILES) {
                try (InputStream in = open(file)) {
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the demo county to " + dir, e);
        }
    }
}
