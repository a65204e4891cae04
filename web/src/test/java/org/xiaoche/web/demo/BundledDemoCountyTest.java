package org.xiaoche.web.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled demo county unpacks into a folder the demo bootstrap can import. */
class BundledDemoCountyTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheThreeDemoFiles() throws Exception {
        DemoFiles.Files files = new BundledDemoCounty().extractTo(dir);
        assertTrue(Files.size(files.osm()) > 10_000, "OSM extract");
        assertTrue(Files.readString(files.schools()).startsWith("school_id,"), "schools file");
        assertTrue(Files.readString(files.students()).startsWith("student_id,"), "students file");
    }
}
