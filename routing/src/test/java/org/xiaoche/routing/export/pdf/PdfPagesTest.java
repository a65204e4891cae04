package org.xiaoche.routing.export.pdf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF layer: Chinese glyphs drawn and embedded, wrapping, tables over page breaks, a clear error without the font. */
class PdfPagesTest {

    @TempDir
    Path dir;

    private Path onePage(String name, String text) throws Exception {
        return PdfChecks.write(dir.resolve(name + ".pdf"), out -> {
            try (PdfPages pages = new PdfPages("t", Lang.ZH, name)) {
                pages.heading(text, 40, 0);
                pages.save(out);
            }
        });
    }

    /** Two different Chinese words render as different ink: real glyphs, not the same missing-glyph box. */
    @Test
    void chineseGlyphsAreDrawnAndEmbedded() throws Exception {
        Path left = onePage("left", "左转进入王家路");
        Path right = onePage("right", "右转进入王家路");
        PdfChecks.assertChineseFontEmbedded(left);
        BufferedImage a = PdfChecks.render(left, 1, 50), b = PdfChecks.render(right, 1, 50);
        assertTrue(PdfChecks.ink(a, 0.05, 0.03, 0.8, 0.1) > 0.05, "the heading has ink");
        assertTrue(PdfChecks.ink(a, 0.05, 0.3, 0.95, 0.9) < 0.001, "and nothing else does");
        int differing = 0;
        for (int y = 0; y < a.getHeight() / 8; y++) {
            for (int x = 0; x < a.getWidth() / 5; x++) {
                differing += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differing > 50, "左 and 右 are different glyphs: " + differing);
        int same = 0;
        for (int y = 0; y < a.getHeight() / 8; y++) {
            for (int x = a.getWidth() / 5; x < a.getWidth() * 3 / 4; x++) {
                same += a.getRGB(x, y) == b.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(same > 0.99 * (a.getHeight() / 8) * (a.getWidth() * 3 / 4 - a.getWidth() / 5), "the common text is drawn the same");
        assertEquals("左转进入王家路", PdfChecks.text(left).lines().findFirst().orElseThrow().trim());
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws Exception {
        Path pdf = onePage("bus", "校车\uD83D\uDE8C\u0007到站");
        assertTrue(PdfChecks.text(pdf).contains("校车?到站"), PdfChecks.text(pdf));
    }

    @Test
    void textWrapsWithinTheWidthAtSpacesOrBetweenChineseCharacters() throws Exception {
        try (PdfPages pages = new PdfPages("t", Lang.ZH, "wrap")) {
            String chinese = "校车安全管理条例规定校车行驶线路开行时间和停靠站点".repeat(6);
            List<String> lines = pages.wrap(chinese, 10, 200);
            assertTrue(lines.size() > 3);
            assertEquals(chinese, String.join("", lines), "nothing lost or added");
            for (String line : lines) {
                assertTrue(pages.textWidth(line, 10) <= 200, line);
            }
            List<String> english = pages.wrap("Turn left onto Wangjia Road and continue for three kilometres to the village school", 10, 150);
            for (String line : english) {
                assertFalse(line.startsWith(" ") || line.endsWith(" "), line);
                assertTrue(pages.textWidth(line, 10) <= 150, line);
            }
            assertTrue(english.stream().allMatch(l -> l.matches("(\\S+ ?)+")), "breaks only between words: " + english);
            assertEquals(String.join(" ", english), "Turn left onto Wangjia Road and continue for three kilometres to the village school");
        }
    }

    @Test
    void aLongTableGoesOnOverPagesWithItsHeader() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of(Integer.toString(i), "站点名称" + i, String.format("07:%02d", i % 60)));
        }
        Path pdf = PdfChecks.write(dir.resolve("table.pdf"), out -> {
            try (PdfPages pages = new PdfPages("表", Lang.ZH, "table")) {
                pages.table(List.of(new PdfPages.Column("序号", 1), new PdfPages.Column("站点", 3), new PdfPages.Column("时间", 1)), rows, 10);
                pages.save(out);
            }
        });
        int pageCount = PdfChecks.pages(pdf);
        assertTrue(pageCount >= 3, "120 rows need several pages: " + pageCount);
        String text = PdfChecks.text(pdf);
        assertEquals(pageCount, text.split("序号", -1).length - 1, "the header on every page");
        for (int i = 1; i <= 120; i++) {
            assertTrue(text.contains("站点名称" + i + " "), "row " + i);
        }
        assertTrue(text.contains("第 1 / " + pageCount + " 页"), "page numbers");
    }

    @Test
    void aMissingFontIsAClearError() {
        String old = System.getProperty(ChineseFont.PROPERTY);
        System.setProperty(ChineseFont.PROPERTY, dir.resolve("no-such-font.ttc").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PdfPages("t", Lang.ZH, "x"));
            assertTrue(e.getMessage().contains("no-such-font.ttc") && e.getMessage().contains(ChineseFont.PROPERTY), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(ChineseFont.PROPERTY);
            } else {
                System.setProperty(ChineseFont.PROPERTY, old);
            }
        }
    }
}
