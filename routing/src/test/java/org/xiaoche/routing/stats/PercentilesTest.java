package org.xiaoche.routing.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentilesTest {

    @Test
    void nearestRankIsAValueOfTheSample() {
        double[] sorted = {10, 20, 30, 40};
        assertEquals(20, Percentiles.of(sorted, 0.5));
        assertEquals(40, Percentiles.of(sorted, 0.9));
        assertEquals(10, Percentiles.of(sorted, 0));
        assertEquals(40, Percentiles.of(sorted, 1));
    }

    @Test
    void noValuesGiveNaN() {
        assertTrue(Double.isNaN(Percentiles.of(new double[0], 0.5)));
    }
}
