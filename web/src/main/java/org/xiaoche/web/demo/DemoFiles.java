package org.xiaoche.web.demo;

import java.io.IOException;
import java.nio.file.Path;

/** Where the demo region's three files come from. */
public interface DemoFiles {

    /** The demo's OSM extract, schools file and students file, copied into {@code dir}. */
    record Files(Path osm, Path schools, Path students) {
    }

    Files extractTo(Path dir) throws IOException;
}
