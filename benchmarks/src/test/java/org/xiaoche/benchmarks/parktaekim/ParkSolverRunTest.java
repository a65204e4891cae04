package org.xiaoche.benchmarks.parktaekim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.benchmarks.SharedTestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.xiaoche.routing.optimization.SolverBudget;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Short solver runs on RSRB01 produce solutions that the independent checker accepts. */
class ParkSolverRunTest {

    private static Path shared() {
        assumeTrue(SharedTestData.dir("benchmarks").isPresent(), SharedTestData.absentMessage("benchmarks"));
        return SharedTestData.root().orElseThrow();
    }

    @Test
    void timefoldOnRsrb01IsValid(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("routes.csv");
        BenchmarkRun run = ParkTaeKimBenchmark.writeRoutesCsv(shared(), "RSRB01", 2700, new SolverBudget(2026, 10, 100, 1_000, Duration.ofSeconds(30)),
                "timefold", 2, csv);
        assertEquals(List.of(), run.violations());
        // BiRD: 31 buses; a short run must stay in that neighbourhood
        assertTrue(run.buses() <= 36, "buses " + run.buses());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("bus_id,run,seq,id,arrival_s,departure_s,load", lines.get(0));
        assertEquals(250 + run.plan().runCount() + 1, lines.size());
    }

    @Test
    void jspritOnRsrb01IsValid() {
        ParkInstance instance = ParkTaeKimLoader.load(
                shared().resolve("benchmarks").resolve("park-tae-kim").resolve("RSRB01"));
        BenchmarkRun run = BenchmarkRun.solve(instance, 5400, ParkTaeKimBenchmark.solver("jsprit"),
                new SolverBudget(2026, 10, 100, 1_000, Duration.ofSeconds(30)), 2);
        assertEquals(List.of(), run.violations());
        assertTrue(run.buses() <= 36, "buses " + run.buses());
    }
}
