package org.xiaoche.routing.export.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xiaoche.routing.export.ExportTestPlans;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermitAnnexTest {

    @Test
    void eachBusHasItsRoadsInOrderTimesAndStops() throws IOException {
        ExportTestPlans.Planned demo = ExportTestPlans.demo();
        Plan plan = demo.result().plan();
        // Road names straight from the OSM file, read without GraphHopper: every road listed must be one of them.
        Set<String> osmNames = new HashSet<>();
        String osm;
        try (var in = new GZIPInputStream(Files.newInputStream(ExportTestPlans.demoOsm))) {
            osm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("<tag k=\"(?:name|name:zh|ref)\" v=\"([^\"]+)\"").matcher(osm);
        while (m.find()) {
            osmNames.add(m.group(1));
        }
        // An unnamed road is listed by its class (村道).
        for (com.graphhopper.routing.ev.RoadClass c : com.graphhopper.routing.ev.RoadClass.values()) {
            osmNames.add(org.xiaoche.routing.network.RoadClassNames.inChinese(c));
        }
        int runsWithRoads = 0;
        for (BusRun run : plan.runs()) {
            List<String> roads = demo.roads().roads(run.runId());
            for (int i = 0; i < roads.size(); i++) {
                String road = roads.get(i);
                // RouteRoadNames.label writes 名(ref) with ASCII brackets.
                for (String part : road.replaceAll("[)）]$", "").split("[(（]")) {
                    assertTrue(osmNames.contains(part), "a road of the OSM file: " + part + " in " + roads);
                }
                if (i > 0) {
                    assertNotEquals(roads.get(i - 1), road, "repeats collapsed: " + roads);
                }
            }
            runsWithRoads += roads.isEmpty() ? 0 : 1;
        }
        assertTrue(runsWithRoads > plan.runs().size() / 2, runsWithRoads + " of " + plan.runs().size() + " runs name their roads");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PermitAnnex.writeXlsx(PlanExportRequest.operatorEdition(plan), demo.roads(), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(plan.buses().size(), book.getNumberOfSheets());
            Bus bus = plan.buses().get(0);
            Sheet sheet = book.getSheet(bus.busId());
            assertEquals(PermitAnnex.TITLE_ZH, sheet.getRow(0).getCell(0).getStringCellValue());
            Row firstRun = sheet.getRow(4);
            BusRun run = bus.runs().get(0);
            assertEquals(run.runId(), firstRun.getCell(0).getStringCellValue());
            assertTrue(firstRun.getCell(3).getStringCellValue().matches("\\d\\d:\\d\\d–\\d\\d:\\d\\d"), firstRun.getCell(3).toString());
            List<String> roads = demo.roads().roads(run.runId());
            if (!roads.isEmpty()) {
                assertEquals(String.join(" — ", roads), firstRun.getCell(4).getStringCellValue());
            }
            int stopRows = 0;
            for (Row row : sheet) {
                if (row.getRowNum() > 5 + bus.runs().size() && row.getCell(5) != null) {
                    assertFalse(row.getCell(0).getStringCellValue().isBlank(), "every stop named");
                    stopRows++;
                }
            }
            assertEquals(bus.runs().stream().mapToInt(r -> r.stops().size()).sum(), stopRows, "every call of every run");
        }
    }
}
