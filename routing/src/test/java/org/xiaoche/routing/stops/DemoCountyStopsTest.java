package org.xiaoche.routing.stops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.eligibility.EligibilityCalculator;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.roster.io.RosterReader;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stop stage of the bundled demo county: every stop named in Chinese from the county's own roads and villages. */
class DemoCountyStopsTest {

    @TempDir
    Path dir;

    @Test
    void everyStopHasAUniqueChineseName() throws Exception {
        Path data = DemoCounty.extractTo(dir.resolve("demo"));
        try (RoadNetwork network = RoadNetwork.importOrLoad(data.resolve(DemoCounty.OSM_FILE), Path.of("target", "graph-cache"),
                ProgressListener.NONE)) {
            PlanningPolicy policy = PlanningPolicy.defaults();
            List<School> schools = RosterReader.readSchools(data.resolve(DemoCounty.SCHOOLS_FILE), CoordinateSystem.WGS84,
                    network.area(policy.maxOutsideArea_m()));
            Map<String, School> byId = schools.stream().collect(Collectors.toMap(School::id, Function.identity()));
            List<Student> students = RosterReader.readStudents(data.resolve(DemoCounty.STUDENTS_FILE), CoordinateSystem.WGS84,
                    network.area(policy.maxOutsideArea_m()), byId);
            EligibilityResult eligibility = new EligibilityCalculator(network).compute(schools, students, policy, ProgressListener.NONE);
            StopPlan plan = new StopPlanner(network).plan(eligibility.students(), policy);
            System.out.println("demo county stops: " + plan.stops().size() + " for "
                    + eligibility.count(EligibilityStatus.NEEDS_TRANSPORT) + " students, " + plan.unserved().size()
                    + " unserved, " + plan.walksOverLimit().size() + " walk over the limit; e.g. "
                    + plan.stops().stream().limit(8).map(BusStop::name).toList());

            assertTrue(plan.stops().size() > 20, plan.stops().size() + " stops");
            Set<String> names = new HashSet<>();
            for (BusStop stop : plan.stops()) {
                assertTrue(stop.name().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        stop.id() + " is named in Chinese: " + stop.name());
                assertTrue(names.add(stop.name()), "unique: " + stop.name());
            }
            long placeAndRoad = plan.stops().stream().filter(s -> s.name().contains(StopNames.SEPARATOR)
                    || s.name().matches(".+[东西南北]街(\\(\\d+\\))?")).count();
            assertEquals(plan.stops().size(), placeAndRoad, "every stop says its village and road");
        }
    }
}
