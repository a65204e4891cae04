package org.xiaoche.benchmarks.cvrplib;

import org.junit.jupiter.api.Test;
import org.xiaoche.benchmarks.SharedTestData;
import org.xiaoche.benchmarks.cvrplib.check.CvrpChecker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CvrplibTest {

    private static Path dir() {
        assumeTrue(SharedTestData.dir("benchmarks").isPresent(), SharedTestData.absentMessage("benchmarks"));
        return SharedTestData.dir("benchmarks").orElseThrow().resolve("cvrplib");
    }

    @Test
    void bestKnownSolutionRecomputesToItsCost() {
        CvrpInstance instance = CvrplibLoader.load(dir().resolve("X-n101-k25.vrp"));
        CvrplibLoader.BestKnown best = CvrplibLoader.loadBestKnown(dir().resolve("X-n101-k25.sol"));
        assertEquals(100, instance.customers());
        assertEquals(206, instance.capacity());
        CvrpChecker.Result result = CvrpChecker.check(instance, best.routes());
        assertEquals(List.of(), result.violations());
        assertEquals(27591, result.cost());
    }

    @Test
    void checkerCatchesOverCapacityAndMissedCustomer() {
        CvrpInstance instance = CvrplibLoader.load(dir().resolve("X-n101-k25.vrp"));
        List<int[]> routes = new ArrayList<>(CvrplibLoader.loadBestKnown(dir().resolve("X-n101-k25.sol")).routes());
        int[] merged = java.util.stream.IntStream.concat(Arrays.stream(routes.get(0)), Arrays.stream(routes.get(1)))
                .toArray();
        routes.set(0, merged);
        routes.set(1, Arrays.copyOf(routes.get(1), routes.get(1).length - 1));
        routes.remove(1);
        List<String> violations = CvrpChecker.check(instance, routes).violations();
        assertTrue(violations.stream().anyMatch(v -> v.contains("capacity")), violations.toString());
        List<int[]> missing = new ArrayList<>(CvrplibLoader.loadBestKnown(dir().resolve("X-n101-k25.sol")).routes());
        missing.remove(0);
        assertFalse(CvrpChecker.check(instance, missing).valid());
    }

    @Test
    void jspritSolvesX101Feasibly() {
        CvrpInstance instance = CvrplibLoader.load(dir().resolve("X-n101-k25.vrp"));
        List<int[]> routes = new JspritCvrpSolver().solve(instance, Duration.ofSeconds(3));
        CvrpChecker.Result result = CvrpChecker.check(instance, routes);
        assertEquals(List.of(), result.violations());
        assertTrue(result.cost() < 27591 * 1.15, "cost " + result.cost());
    }
}
