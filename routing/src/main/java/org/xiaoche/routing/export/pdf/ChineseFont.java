package org.xiaoche.routing.export.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Chinese font every PDF export embeds (a subset of WenQuanYi Micro Hei, Debian's
 * {@code fonts-wqy-microhei}). Looked up in this order: the system property {@value #PROPERTY}, the
 * environment variable {@value #ENV}, then {@link #SYSTEM_PATHS}. The font file stays open until the
 * document is saved, because the subset is cut when it is written.
 */
public final class ChineseFont implements Closeable {

    public static final String PROPERTY = "xiaoche.pdf.font";
    public static final String ENV = "XIAOCHE_PDF_FONT";
    /** PostScript name inside the collection (the family name "WenQuanYi Micro Hei" does not match). */
    static final String POSTSCRIPT_NAME = "WenQuanYiMicroHei";
    public static final List<Path> SYSTEM_PATHS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei.ttc"),
            Path.of("/usr/local/share/fonts/wqy-microhei.ttc"));

    private final TrueTypeCollection collection;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final PDType0Font font;

    private ChineseFont(TrueTypeCollection collection, TrueTypeFont ttf, PDDocument document) throws IOException {
        this.collection = collection;
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
        this.font = PDType0Font.load(document, ttf, true);
    }

    /**
     * The font file to use.
     *
     * @throws IllegalStateException naming every place looked at when no font file is found
     */
    public static Path locate() {
        List<String> looked = new ArrayList<>();
        for (String configured : new String[]{System.getProperty(PROPERTY), System.getenv(ENV)}) {
            if (configured != null && !configured.isBlank()) {
                Path path = Path.of(configured);
                if (!Files.isRegularFile(path)) {
                    throw new IllegalStateException("Chinese font for PDFs not found: " + configured
                            + " (set by " + PROPERTY + " / " + ENV + ")");
                }
                return path;
            }
        }
        for (Path path : SYSTEM_PATHS) {
            if (Files.isRegularFile(path)) {
                return path;
            }
            looked.add(path.toString());
        }
        throw new IllegalStateException("no Chinese font for PDFs: install the Debian package fonts-wqy-microhei "
                + "(scripts/setup.sh does) or name a .ttc/.ttf file with -D" + PROPERTY + "= or " + ENV
                + "; looked in " + String.join(", ", looked));
    }

    /** Loads the font found by {@link #locate()} into {@code document}, to be embedded as a subset. */
    public static ChineseFont load(PDDocument document) throws IOException {
        Path file = locate();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            try {
                TrueTypeFont ttf = collection.getFontByName(POSTSCRIPT_NAME);
                if (ttf == null) {
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    collection.processAllFonts(f -> {
                        if (first[0] == null) {
                            first[0] = f;
                        }
                    });
                    ttf = first[0];
                }
                if (ttf == null) {
                    throw new IOException("font collection " + file + " holds no font");
                }
                return new ChineseFont(collection, ttf, document);
            } catch (IOException | RuntimeException e) {
                collection.close();
                throw e;
            }
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        try {
            return new ChineseFont(null, ttf, document);
        } catch (IOException | RuntimeException e) {
            ttf.close();
            throw e;
        }
    }

    public PDType0Font font() {
        return font;
    }

    /**
     * {@code text} with what the font cannot draw replaced: line breaks and tabs by spaces, other control
     * characters dropped, characters without a glyph by {@code ?}.
     */
    public String drawable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp)) {
                return;
            } else if (cmap.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Width of drawable text in points at {@code size}. */
    public float width(String drawableText, float size) {
        try {
            return font.getStringWidth(drawableText) / 1000f * size;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (collection != null) {
            collection.close();
        } else {
            ttf.close();
        }
    }
}
