package org.xiaoche.routing.roster.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.roster.School;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xiaoche.routing.roster.io.RosterFiles.COUNTY;

/**
 * Inputs whose cost used to grow with the rest of the file: an unclosed CSV quote (the parser gathered
 * everything after it into one cell) and GeoJSON with a different property name on every feature
 * (every name became a column of every row).
 */
class LargeAndOddInputTest {

    @TempDir
    Path dir;

    private static final String HEADER = String.join(",", RosterReaderFormatsTest.SCHOOLS.get(0));

    @Test
    void anUnclosedQuoteIsReportedAtItsLineWithoutReadingTheRestIntoOneCell() throws IOException {
        Path file = dir.resolve("schools.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            w.write("S1,东风小学,primary,117.2,31.8,600,07:50,16:30,false\n");
            w.write("S2,\"西山初中,junior,117.25,31.85,900,07:40,17:10,\n");
            for (int i = 3; i < 60_000; i++) {
                w.write("S" + i + ",学校" + i + ",primary,117.2,31.8,600,07:50,16:30,false\n");
            }
        }
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> RosterReader.readSchools(file, CoordinateSystem.WGS84, COUNTY));
        assertEquals(1, e.problems().size(), e.getMessage());
        ImportProblem p = e.problems().get(0);
        assertEquals(3, p.line(), p.toString());
        assertTrue(p.reason().contains("quote opened on line 3 is not closed within"), p.toString());
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsTextAsBefore() throws Exception {
        Path file = dir.resolve("schools.csv");
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        csv.append("S1,O\"Brien 小学,primary,117.2,31.8,600,07:50,16:30,false\n");
        for (int i = 2; i < 2_000; i++) {
            csv.append("S").append(i).append(",\"学校, ").append(i).append("\",primary,117.2,31.8,600,07:50,16:30,false\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<School> schools = RosterReader.readSchools(file, CoordinateSystem.WGS84, COUNTY);
        assertEquals(1_999, schools.size());
        assertEquals("O\"Brien 小学", schools.get(0).name());
        assertEquals("学校, 2", schools.get(1).name());
    }

    @Test
    void geoJsonPropertiesThatNameNoRosterColumnAreNotColumns() throws Exception {
        Path file = dir.resolve("schools.geojson");
        int features = 3_000;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // An old GIS tool's export: a crs member, and one field of its own on every feature.
            w.write("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4326\"}},\"features\":[");
            for (int i = 0; i < features; i++) {
                w.write((i == 0 ? "" : ",") + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.2,31.8]},"
                        + "\"properties\":{\"school_id\":\"S" + i + "\",\"name\":\"校" + i + "\",\"level\":\"primary\","
                        + "\"bell_time\":\"07:50\",\"dismissal_time\":\"16:30\",\"OBJECTID_" + i + "\":" + i + "}}");
            }
            w.write("]}");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        new GeoJsonTableReader().read(file, new TableSink() {
            @Override
            public void header(long line, List<String> names) {
                header.addAll(names);
            }

            @Override
            public void row(long line, List<String> cells) {
                rows.add(cells);
            }
        }, new ProblemList("schools.geojson"));
        assertEquals(List.of("lon", "lat", "school_id", "name", "level", "bell_time", "dismissal_time"), header);
        assertEquals(features, rows.size());
        assertEquals(features, RosterReader.readSchools(file, CoordinateSystem.WGS84, COUNTY).size());
    }
}
