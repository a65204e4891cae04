package org.xiaoche.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code xiaoche export driver-sheets|permit-pdf|notices|riders-pdf} on a demo plan folder. */
class ExportPdfCommandsTest {

    @TempDir
    static Path dir;

    static Path cache, planDir;

    @BeforeAll
    static void planTheDemo() throws Exception {
        cache = dir.resolve("cache");
        planDir = dir.resolve("plan");
        Path policy = Files.writeString(dir.resolve("policy.json"), "{ \"routes\": { \"solverSeconds\": 5 } }");
        assertEquals(0, run("plan", "--demo", "--policy", policy.toString(), "--graph-cache", cache.toString(), "--out", planDir.toString()));
    }

    private static int run(String... args) {
        return PlanCommandTest.run(args);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void eachPdfExportWritesItsDocument() throws Exception {
        Path sheets = dir.resolve("out/driver-B01.pdf");
        assertEquals(0, run("export", "driver-sheets", "--plan", planDir.toString(), "--demo", "--graph-cache", cache.toString(),
                "--bus", "B01", "--out", sheets.toString()));
        String sheet = text(sheets);
        assertTrue(sheet.contains("校车行车单 · 车辆 B01") && !sheet.contains("车辆 B02"), sheet);
        assertTrue(sheet.contains("左转") || sheet.contains("右转"), "Chinese directions");

        Path english = dir.resolve("out/permit-en.pdf");
        assertEquals(0, run("export", "permit-pdf", "--plan", planDir.resolve("plan.json").toString(), "--demo",
                "--graph-cache", cache.toString(), "--lang", "en", "--out", english.toString()));
        assertTrue(text(english).contains("School bus permit annex · bus B01"));

        Path notices = dir.resolve("out/notices.pdf");
        assertEquals(0, run("export", "notices", "--plan", planDir.toString(), "--demo", "--graph-cache", cache.toString(),
                "--school", "S001", "--out", notices.toString()));
        assertTrue(text(notices).contains("乘车通知单") && text(notices).contains("城关中心小学"));

        Path riders = dir.resolve("out/riders.pdf");
        assertEquals(0, run("export", "riders-pdf", "--plan", planDir.toString(), "--out", riders.toString()));
        assertTrue(text(riders).contains("乘车学生名单"));
    }

    @Test
    void badRequestsAreInputErrorsAndLeaveNoFile() {
        Path out = dir.resolve("bad/x.pdf");
        assertEquals(2, run("export", "driver-sheets", "--plan", planDir.toString(), "--out", out.toString()),
                "the network must be named");
        assertEquals(2, run("export", "driver-sheets", "--plan", planDir.toString(), "--demo", "--graph-cache", cache.toString(),
                "--bus", "NO-SUCH-BUS", "--out", out.toString()));
        assertEquals(2, run("export", "notices", "--plan", planDir.toString(), "--demo", "--graph-cache", cache.toString(),
                "--lang", "fr", "--out", out.toString()));
        assertEquals(2, run("export", "riders-pdf", "--plan", dir.resolve("no-plan").toString(), "--out", out.toString()));
        assertFalse(Files.exists(out), "no partial file");
    }
}
