package org.xiaoche.demodata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed demo files must be exactly what the generator makes today, so they cannot drift. */
class BundledDemoCountyTest {

    @Test
    void bundledFilesEqualAFreshDefaultGeneration() throws IOException {
        GeneratedCounty fresh = GeneratedCounty.defaults();
        for (String file : new String[] {DemoCounty.SCHOOLS_FILE, DemoCounty.STUDENTS_FILE}) {
            try (InputStream bundled = DemoCounty.open(file)) {
                assertArrayEquals(Files.readAllBytes(fresh.dir.resolve(file)), bundled.readAllBytes(),
                        file + " differs from a fresh generation: regenerate osm-data/demo (see its README)");
            }
        }
        // Compare the XML, not the gzip bytes: another zlib build may compress the same text differently.
        try (InputStream bundled = new GZIPInputStream(DemoCounty.open(DemoCounty.OSM_FILE));
             InputStream generated = new GZIPInputStream(Files.newInputStream(fresh.dir.resolve(DemoCounty.OSM_FILE)))) {
            assertArrayEquals(generated.readAllBytes(), bundled.readAllBytes(),
                    DemoCounty.OSM_FILE + " differs from a fresh generation: regenerate osm-data/demo (see its README)");
        }
    }

    @Test
    void extractToCopiesTheThreeFiles(@TempDir Path tmp) throws IOException {
        Path dir = DemoCounty.extractTo(tmp.resolve("demo"));
        assertEquals(tmp.resolve("demo"), dir);
        for (String file : DemoCounty.FILES) {
            assertTrue(Files.size(dir.resolve(file)) > 1_000, file);
        }
        assertTrue(Files.size(dir.resolve(DemoCounty.OSM_FILE)) < 3_000_000, "bundled OSM file stays small");
    }

    @Test
    void unknownFileIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DemoCounty.open("passwords.txt"));
    }
}
