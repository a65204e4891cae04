package org.xiaoche.cli;

import org.xiaoche.demodata.DemoCounty;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The input options every planning command shares: an OSM extract, schools and students, or the demo county. */
final class InputFiles {

    @Option(names = "--osm", description = "OSM extract (.osm, .osm.pbf, .osm.gz)")
    Path osm;

    @Option(names = "--schools", description = "schools file (CSV, XLSX or GeoJSON)")
    Path schools;

    @Option(names = "--students", description = "students file (CSV, XLSX or GeoJSON)")
    Path students;

    @Option(names = "--demo", description = "use the bundled synthetic demo county")
    boolean demo;

    @Option(names = "--graph-cache", description = "folder for built road graphs (default: graph-cache in the project folder)")
    Path graphCache;

    /** Fills in the demo county's files when {@code --demo} is given; checks the files were named otherwise. */
    void resolve() {
        if (demo) {
            if (osm != null || schools != null || students != null) {
                throw new IllegalArgumentException("--demo cannot be combined with --osm, --schools or --students");
            }
            Path dir = DemoCounty.extractTo(graphCacheRoot().resolve("demo-county"));
            osm = dir.resolve(DemoCounty.OSM_FILE);
            schools = dir.resolve(DemoCounty.SCHOOLS_FILE);
            students = dir.resolve(DemoCounty.STUDENTS_FILE);
            return;
        }
        if (osm == null || schools == null || students == null) {
            throw new IllegalArgumentException("give --osm, --schools and --students, or --demo");
        }
    }

    Path graphCacheRoot() {
        if (graphCache != null) {
            return graphCache;
        }
        String home = System.getProperty("xiaoche.home");
        return (home == null ? Path.of(".") : Path.of(home)).resolve("graph-cache");
    }
}
