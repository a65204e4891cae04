package org.xiaoche.cli;

import org.xiaoche.demodata.DemoCounty;
import picocli.CommandLine.Option;

import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.Roster;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import org.xiaoche.routing.roster.io.RosterReader;

import java.io.IOException;
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

    /**
     * Reads and validates the schools and students files against the network's area.
     *
     * @throws ImportRejectedException listing every problem; nothing is read then
     */
    Roster readRoster(RoadNetwork network, PlanningPolicy policy, CoordinateSystem coordinates)
            throws IOException, ImportRejectedException {
        return RosterReader.readRoster(schools, students, coordinates, network.area(policy.maxOutsideArea_m()));
    }

    Path graphCacheRoot() {
        return graphCacheRoot(graphCache);
    }

    /** {@code graphCache} when given, else {@code graph-cache} in the project folder. */
    static Path graphCacheRoot(Path graphCache) {
        if (graphCache != null) {
            return graphCache;
        }
        String home = System.getProperty("xiaoche.home");
        return (home == null ? Path.of(".") : Path.of(home)).resolve("graph-cache");
    }
}
