package org.xiaoche.web.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled demo county extracts its three files, or says plainly that this build lacks it. */
class BundledDemoCountyTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheBundledFilesOrExplainsTheirAbsence() throws Exception {
        boolean present;
        try {
            Class.forName(BundledDemoCounty.CLASS_NAME);
            present = true;
        } catch (ClassNotFoundException e) {
            present = false;
        }
        if (present) {
            DemoFiles.Files files = new BundledDemoCounty().extractTo(dir);
            assertTrue(Files.size(files.osm()) > 0 && Files.size(files.schools()) > 0 && Files.size(files.students()) > 0);
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BundledDemoCounty().extractTo(dir));
            assertTrue(e.getMessage().contains("is not in this build of osm-data"), e.getMessage());
        }
    }
}
