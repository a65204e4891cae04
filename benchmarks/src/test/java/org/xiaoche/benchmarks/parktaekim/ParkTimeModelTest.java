package org.xiaoche.benchmarks.parktaekim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xiaoche.benchmarks.SharedTestData;
import org.xiaoche.benchmarks.parktaekim.check.ParkSolutionChecker;
import org.xiaoche.benchmarks.parktaekim.check.ParkSolutionFile;
import org.xiaoche.routing.optimization.DwellModel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Our time model (Manhattan feet at 20 mph, Park dwell) reproduces Park's own solution files. */
class ParkTimeModelTest {

    static Path instanceDir(String name) {
        assumeTrue(SharedTestData.dir("benchmarks").isPresent(), SharedTestData.absentMessage("benchmarks"));
        return SharedTestData.dir("benchmarks").orElseThrow().resolve("park-tae-kim").resolve(name);
    }

    @ParameterizedTest
    @CsvSource({"RSRB01,2700", "RSRB04,5400", "CSCB03,2700", "CSCB08,5400"})
    void travelAndDwellMatchParkFiles(String name, int maxRide_s) {
        Path dir = instanceDir(name);
        ParkInstance instance = ParkTaeKimLoader.load(dir);
        ParkRoutingSetup setup = ParkRoutingSetup.of(instance, maxRide_s);
        Map<Integer, Integer> node = new HashMap<>();
        for (int i = 0; i < instance.schools().size(); i++) {
            node.put(instance.schools().get(i).id(), i);
        }
        for (int j = 0; j < instance.stops().size(); j++) {
            node.put(instance.stops().get(j).id(), instance.schools().size() + j);
        }
        Map<Integer, Integer> studentsAt = new HashMap<>();
        instance.stops().forEach(s -> studentsAt.put(s.id(), s.students()));
        List<ParkSolutionFile.Row> rows = ParkSolutionFile.read(dir.resolve("park_solution_" + maxRide_s + ".txt"));
        int legs = 0;
        for (int k = 1; k < rows.size(); k++) {
            ParkSolutionFile.Row previous = rows.get(k - 1);
            ParkSolutionFile.Row row = rows.get(k);
            if (row.vehicle() == previous.vehicle() && node.containsKey(previous.id()) && node.containsKey(row.id())) {
                double model_s = setup.travelTimes().time_s(node.get(previous.id()), node.get(row.id()));
                // Park truncates to whole seconds, computed with a slightly different speed constant
                assertEquals(model_s, row.travel_s(), 1.0 + 1e-5, "leg " + previous.id() + "→" + row.id());
                legs++;
            }
            if (studentsAt.containsKey(row.id())) {
                int expected = (int) DwellModel.PARK_STOP.dwell_s(row.students());
                boolean cappedQuirk = row.students() == 66 && row.service_s() >= 193 && row.service_s() <= 221;
                assertTrue(row.service_s() == expected || cappedQuirk,
                        "stop " + row.id() + " SvcTime " + row.service_s() + " vs " + expected);
            } else if (row.students() > 0 && node.containsKey(row.id())) {
                assertEquals((int) DwellModel.PARK_SCHOOL.dwell_s(row.students()), row.service_s(),
                        "school " + row.id());
            }
        }
        assertTrue(legs > instance.stops().size());
    }

    @ParameterizedTest
    @CsvSource({"RSRB01,2700", "RSRB01,5400", "CSCB04,2700", "RSRB08,5400"})
    void checkerAcceptsParksOwnSolutions(String name, int maxRide_s) {
        Path dir = instanceDir(name);
        ParkInstance instance = ParkTaeKimLoader.load(dir);
        var buses = ParkSolutionFile.timetables(ParkSolutionFile.read(dir.resolve("park_solution_" + maxRide_s + ".txt")));
        // Park's times are whole seconds, sometimes a second short of the exact travel time
        assertEquals(List.of(), ParkSolutionChecker.check(instance, buses, maxRide_s, 2.0));
    }
}
