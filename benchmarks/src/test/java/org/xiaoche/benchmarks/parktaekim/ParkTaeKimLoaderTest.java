package org.xiaoche.benchmarks.parktaekim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParkTaeKimLoaderTest {

    @Test
    void hhmmWithoutLeadingZero() {
        assertEquals(5 * 3600 + 10 * 60, ParkTaeKimLoader.hhmm_s(510));
        assertEquals(10 * 3600, ParkTaeKimLoader.hhmm_s(1000));
        assertThrows(IllegalArgumentException.class, () -> ParkTaeKimLoader.hhmm_s(575));
    }

    @Test
    void readsTabSeparatedCrlfFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Schools.txt"), "ID\tX\tY\tAMEARLY\tAMLATE\r\n200001\t264.26\t119029\t510\t540\r\n");
        Files.writeString(dir.resolve("Stops.txt"),
                "ID\tX_COORD\tY_COORD\tEP_ID\tSTUDENT_COUNT\r\n100001\t168.07\t118471\t200001\t16\r\n");
        ParkInstance instance = ParkTaeKimLoader.load(dir);
        assertEquals(1, instance.schools().size());
        assertEquals(new ParkSchool(200001, 264.26, 119029, 18_600, 20_400), instance.schools().get(0));
        assertEquals(new ParkStop(100001, 168.07, 118471, 200001, 16), instance.stops().get(0));
    }

    @Test
    void badFieldIsNamedByFileLineAndColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Schools.txt"), "ID\tX\tY\tAMEARLY\tAMLATE\r\n200001\tabc\t119029\t510\t540\r\n");
        Files.writeString(dir.resolve("Stops.txt"), "ID\tX_COORD\tY_COORD\tEP_ID\tSTUDENT_COUNT\r\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParkTaeKimLoader.load(dir));
        assertTrue(e.getMessage().contains("Schools.txt line 2 column 2"), e.getMessage());
    }
}
