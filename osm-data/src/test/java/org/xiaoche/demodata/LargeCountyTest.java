package org.xiaoche.demodata;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 100,000 students: same structure, more townships, generated in seconds. */
class LargeCountyTest {

    @Test
    void hundredThousandStudentsKeepTheStructure() {
        long started = System.nanoTime();
        GeneratedCounty county = GeneratedCounty.generate(5, 100_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 60, "generation took " + seconds + " s");
        DemoCountySummary summary = county.summary;
        assertEquals(100_000, summary.students());
        assertEquals(100_000, county.students.size());
        assertTrue(summary.villages() >= 600 && summary.townships() >= 20, summary.toString());
        assertTrue(summary.schools() > 200, summary.toString());
        Set<String> attended = new HashSet<>();
        county.students.forEach(p -> attended.add(p[1]));
        assertEquals(county.schools.size(), attended.size(), "every school has students");
        assertTrue(summary.maxLon() - summary.minLon() > 0.8, "larger area: " + summary);
        OsmStructureTest.assertWellFormed(county.osm);
        OsmStructureTest.assertBarriersRespected(county.osm);
    }

    @Test
    void sizesOutsideTheSupportedRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CountyPlan.forStudents(10));
    }
}
