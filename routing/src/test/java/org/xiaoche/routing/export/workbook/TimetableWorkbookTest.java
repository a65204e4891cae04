package org.xiaoche.routing.export.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.export.ExportTestPlans;
import org.xiaoche.routing.export.PlanEdits;
import org.xiaoche.routing.export.edition.ExportEdition;
import org.xiaoche.routing.export.edition.ExportLanguage;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.BusRun;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimetableWorkbookTest {

    static final String HOSTILE = "=HYPERLINK(\"http://x.invalid\",\"点我\")";

    @TempDir
    Path dir;

    @Test
    void workbookHasASummaryAndOneSheetPerBusInChineseByDefault() throws IOException {
        Plan plan = ExportTestPlans.demo().result().plan();
        try (XSSFWorkbook book = read(xlsx(PlanExportRequest.operatorEdition(plan)))) {
            assertEquals(1 + plan.buses().size(), book.getNumberOfSheets());
            assertEquals("汇总", book.getSheetName(0));
            List<String> header = texts(book.getSheetAt(0).getRow(0));
            assertEquals(List.of("车辆", "座位", "趟次", "方向", "学校", "首站上车", "到校", "离校", "末站下车", "里程(公里)"), header);
            assertEquals(plan.runs().size(), book.getSheetAt(0).getLastRowNum(), "one summary row per run");
            Sheet bus = book.getSheet(plan.buses().get(0).busId());
            assertEquals(List.of("站点", "经度", "纬度", "上学时间", "放学时间"), texts(bus.getRow(2)));
            BusRun first = plan.buses().get(0).runs().get(0);
            String firstStopName = plan.findStop(first.first().placeId()).orElseThrow().name();
            assertEquals(firstStopName, bus.getRow(3).getCell(0).getStringCellValue());
            assertTrue(bus.getRow(3).getCell(3).getStringCellValue().matches("\\d\\d:\\d\\d( / \\d\\d:\\d\\d)*"),
                    "morning times to the minute: " + bus.getRow(3).getCell(3));
        }
    }

    @Test
    void englishOnRequestAndCountsOnlyForPlanners() throws IOException {
        Plan plan = ExportTestPlans.demo().result().plan();
        PlanExportRequest planner = PlanExportRequest.operatorEdition(plan).withLanguage(ExportLanguage.EN)
                .withEdition(ExportEdition.PLANNER);
        try (XSSFWorkbook book = read(xlsx(planner))) {
            assertEquals("Summary", book.getSheetName(0));
            List<String> header = texts(book.getSheetAt(0).getRow(0));
            assertEquals("Students", header.get(header.size() - 1));
            int total = 0;
            for (int r = 1; r <= book.getSheetAt(0).getLastRowNum(); r++) {
                total += (int) book.getSheetAt(0).getRow(r).getCell(header.size() - 1).getNumericCellValue();
            }
            assertEquals(plan.runs().stream().mapToInt(BusRun::students).sum(), total);
        }
        try (XSSFWorkbook book = read(xlsx(PlanExportRequest.operatorEdition(plan).withLanguage(ExportLanguage.EN)))) {
            assertFalse(texts(book.getSheetAt(0).getRow(0)).contains("Students"));
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws IOException, InterruptedException {
        Plan demo = ExportTestPlans.demo().result().plan();
        String stopId = demo.buses().get(0).runs().get(0).first().placeId();
        PlanExportRequest request = PlanExportRequest.operatorEdition(PlanEdits.renameStop(demo, stopId, HOSTILE));
        byte[] bytes = xlsx(request);
        try (XSSFWorkbook book = read(bytes)) {
            Cell cell = book.getSheet(demo.buses().get(0).busId()).getRow(3).getCell(0);
            assertEquals(CellType.STRING, cell.getCellType());
            assertEquals(HOSTILE, cell.getStringCellValue());
            assertTrue(cell.getCellStyle().getQuotePrefixed(), "quote-prefixed, so editing the cell keeps it text");
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        TimetableWorkbook.writeCsv(request, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF车辆,趟次,方向,学校,序号,站点,经度,纬度,时间"), text.substring(0, 40));
        assertTrue(text.contains("\"'=HYPERLINK("), "CSV field prefixed with an apostrophe");
        assertFalse(text.contains(",=HYPERLINK") || text.contains("\"=HYPERLINK"));

        Path file = dir.resolve("timetable.xlsx");
        Files.write(file, bytes);
        Map<String, String> sheets = LibreOfficeCsv.sheets(file, dir);
        String busSheet = sheets.get(demo.buses().get(0).busId());
        assertTrue(busSheet != null, "LibreOffice read every sheet: " + sheets.keySet());
        assertTrue(busSheet.contains("HYPERLINK(\"\"http://x.invalid\"\",\"\"点我\"\")"),
                "the formula text survives as text, not as its value: " + busSheet.lines().limit(5).toList());
        assertTrue(sheets.get("汇总").startsWith("车辆,座位,趟次,方向,学校,首站上车,到校,离校,末站下车"), sheets.get("汇总"));
        assertEquals(demo.runs().size() + 1, sheets.get("汇总").lines().count());
    }

    static byte[] xlsx(PlanExportRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TimetableWorkbook.writeXlsx(request, out);
        return out.toByteArray();
    }

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.toString()));
        return texts;
    }
}
