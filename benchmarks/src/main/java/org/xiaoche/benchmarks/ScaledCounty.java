package org.xiaoche.benchmarks;

import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.demodata.DemoCountyGenerator;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.Roster;
import org.xiaoche.routing.roster.io.RosterReader;

import java.nio.file.Path;

/** The demo county scaled by the generator (seed 2026) for benchmarks: its files, and its roster once the graph is loaded. */
public final class ScaledCounty {

    private ScaledCounty() {
    }

    /** Generates the county for {@code students} students into {@code work/county-N} and returns that folder. */
    public static Path generate(int students, Path work) throws Exception {
        Path data = work.resolve("county-" + students);
        DemoCountyGenerator.generate(2026, students, data);
        return data;
    }

    public static Path osmFile(Path data) {
        return data.resolve(DemoCounty.OSM_FILE);
    }

    public static Roster roster(Path data, RoadNetwork network, PlanningPolicy policy) throws Exception {
        return RosterReader.readRoster(data.resolve(DemoCounty.SCHOOLS_FILE), data.resolve(DemoCounty.STUDENTS_FILE),
                CoordinateSystem.WGS84, network.area(policy.maxOutsideArea_m()));
    }
}
