package org.xiaoche.web.demo;

import org.xiaoche.demodata.DemoCounty;

import java.nio.file.Path;

/** The synthetic demo county bundled by {@code osm-data}. */
final class BundledDemoCounty implements DemoFiles {

    @Override
    public Files extractTo(Path dir) {
        Path extracted = DemoCounty.extractTo(dir);
        return new Files(extracted.resolve(DemoCounty.OSM_FILE), extracted.resolve(DemoCounty.SCHOOLS_FILE),
                extracted.resolve(DemoCounty.STUDENTS_FILE));
    }
}
