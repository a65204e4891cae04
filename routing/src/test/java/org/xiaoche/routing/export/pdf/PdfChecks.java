package org.xiaoche.routing.export.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Looks at written PDFs with tools that share no code with the writers: poppler's pdffonts and pdftoppm, PDFBox's text stripper. */
final class PdfChecks {

    private PdfChecks() {
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    /** poppler's font list: every font must be embedded, and the Chinese font must be among them. */
    static void assertChineseFontEmbedded(Path pdf) throws Exception {
        String fonts = run(List.of("pdffonts", pdf.toString()));
        assertTrue(fonts.contains("WenQuanYiMicroHei"), fonts);
        assertTrue(fonts.contains("CID TrueType"), fonts);
        for (String line : fonts.lines().skip(2).toList()) {
            assertTrue(line.matches(".*\\byes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"), "embedded subset: " + line);
        }
    }

    /** Page {@code page} (1-based) rendered by pdftoppm at {@code dpi}. */
    static BufferedImage render(Path pdf, int page, int dpi) throws Exception {
        Path prefix = pdf.resolveSibling(pdf.getFileName() + "-p" + page);
        run(List.of("pdftoppm", "-png", "-r", Integer.toString(dpi), "-f", Integer.toString(page), "-l", Integer.toString(page),
                "-singlefile", pdf.toString(), prefix.toString()));
        return ImageIO.read(prefix.resolveSibling(prefix.getFileName() + ".png").toFile());
    }

    /** Share of dark pixels (all channels below 100) in the given region, as fractions of the image. */
    static double ink(BufferedImage image, double x0, double y0, double x1, double y1) {
        int dark = 0, all = 0;
        for (int y = (int) (y0 * image.getHeight()); y < (int) (y1 * image.getHeight()); y++) {
            for (int x = (int) (x0 * image.getWidth()); x < (int) (x1 * image.getWidth()); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                all++;
                if (r < 100 && g < 100 && b < 100) {
                    dark++;
                }
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    /** Pixels that are clearly {@code colour}: within 60 of each channel and far from grey. */
    static int pixelsNear(BufferedImage image, RouteMap.Colour colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.abs(r - colour.r() * 255) < 60 && Math.abs(g - colour.g() * 255) < 60 && Math.abs(b - colour.b() * 255) < 60
                        && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    n++;
                }
            }
        }
        return n;
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    static Path write(Path file, ThrowingWriter writer) throws Exception {
        try (var out = Files.newOutputStream(file)) {
            writer.write(out);
        }
        return file;
    }

    interface ThrowingWriter {
        void write(java.io.OutputStream out) throws Exception;
    }
}
