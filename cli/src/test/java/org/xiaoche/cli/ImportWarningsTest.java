package org.xiaoche.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eligibility} and {@code plan} say on stderr which roads the import left out. */
class ImportWarningsTest {

    /** A two-way loop on the equator with a one-way primary stub (0.02 deg = 2.22 km) that ends at the extract's edge. */
    private static final String OSM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6" generator="hand">
              <bounds minlat="-0.01" minlon="-0.01" maxlat="0.02" maxlon="0.04"/>
              <node id="1" lat="0.0" lon="0.0"/>
              <node id="2" lat="0.0" lon="0.01"/>
              <node id="3" lat="0.01" lon="0.01"/>
              <node id="4" lat="0.01" lon="0.0"/>
              <node id="5" lat="0.0" lon="0.02"/>
              <node id="6" lat="0.0" lon="0.03"/>
              <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
                <tag k="highway" v="tertiary"/><tag k="name" v="环城路"/></way>
              <way id="101"><nd ref="2"/><nd ref="5"/><nd ref="6"/>
                <tag k="highway" v="primary"/><tag k="oneway" v="yes"/><tag k="name" v="东大路"/></way>
            </osm>
            """;

    @TempDir
    Path dir;

    private String stderrOf(String... args) {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int code = XiaocheCommand.commandLine().execute(args);
            String err = stderr.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, err);
            return err;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private String[] inputs(String command) throws Exception {
        Path osm = Files.writeString(dir.resolve("town.osm"), OSM);
        Path schools = Files.writeString(dir.resolve("schools.csv"), """
                school_id,name,level,lon,lat,capacity,bell_time,dismissal_time,teaching_point
                S1,环城小学,primary,0.0001,0.0,100,07:50,16:30,false
                """);
        Path students = Files.writeString(dir.resolve("students.csv"), """
                student_id,school_id,grade,lon,lat
                P1,S1,3,0.0099,0.0
                """);
        return new String[]{command, "--osm", osm.toString(), "--schools", schools.toString(), "--students", students.toString(),
                "--graph-cache", dir.resolve("cache").toString(), "--out", dir.resolve("out-" + command).toString()};
    }

    @Test
    void eligibilityPrintsTheDroppedClassAndRoad() throws Exception {
        String err = stderrOf(inputs("eligibility"));
        List<String> warnings = err.lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(List.of(
                "warning: school bus: 2.22 km of road class primary left out as isolated or one-way-cut-off pieces; no stops there and no bus snaps to them",
                "warning: school bus: longest roads left out: 东大路 (primary, 2.22 km)"), warnings, err);
        // A cached load warns the same.
        assertEquals(warnings, stderrOf(inputs("eligibility")).lines().filter(l -> l.startsWith("warning: ")).toList());
    }

    @Test
    void planPrintsTheSameWarnings() throws Exception {
        String err = stderrOf(inputs("plan"));
        assertTrue(err.contains("warning: school bus: longest roads left out: 东大路 (primary, 2.22 km)"), err);
    }

    @Test
    void demoCountyLosesNoRoadAndPrintsNoWarning() {
        String err = stderrOf("eligibility", "--demo", "--graph-cache", dir.resolve("cache").toString(),
                "--out", dir.resolve("out").toString());
        assertFalse(err.contains("warning:"), err);
    }
}
