package org.xiaoche.demodata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DeterminismTest {

    @Test
    void sameSeedGivesIdenticalBytes(@TempDir Path tmp) throws Exception {
        DemoCountySummary first = DemoCountyGenerator.generate(11, 1_500, tmp.resolve("a"));
        DemoCountySummary second = DemoCountyGenerator.generate(11, 1_500, tmp.resolve("b"));
        assertEquals(first, second);
        for (String file : DemoCounty.FILES) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)), Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void differentSeedGivesDifferentCounty(@TempDir Path tmp) throws Exception {
        DemoCountyGenerator.generate(11, 1_500, tmp.resolve("a"));
        DemoCountyGenerator.generate(12, 1_500, tmp.resolve("b"));
        for (String file : DemoCounty.FILES) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file))), file);
        }
    }

    @Test
    void coordinatesAreFormattedWithoutLocale() {
        assertEquals("121.2000000", CoordinateFormat.fixed(121.2, 7));
        assertEquals("37.000001", CoordinateFormat.fixed(37.0000005, 6));
        assertEquals("-0.5000000", CoordinateFormat.fixed(-0.5, 7));
        assertEquals("0.0000000", CoordinateFormat.fixed(-0.00000001, 7));
    }
}
