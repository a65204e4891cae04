package org.xiaoche.routing.export.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A4 pages written top to bottom: headings, wrapped text, tables that continue on the next page with
 * their header, and boxes for drawings; every page gets a footer with the document title and its page
 * number. Text is set in the embedded {@link ChineseFont}. The same calls give byte-identical files:
 * the document id is derived from a key the caller gives, and no date is written.
 */
public final class PdfPages implements Closeable {

    public static final float MARGIN = 40;
    /** The progress stage the documents report while they write their pages. */
    public static final String STAGE = "write document";
    static final float FOOTER_SIZE = 8;
    static final float LINE_GAP = 1.35f;
    static final float CELL_PAD = 3;

    private final PDDocument document = new PDDocument();
    private final ChineseFont font;
    private final Lang lang;
    private final String title;
    private PDPage page;
    private PDPageContentStream stream;
    private float y;
    private boolean pageEmpty = true;

    /** A table column: its header and its share of the text width. */
    public record Column(String header, float share) {
    }

    /** A drawing box on the current page, in PDF points (origin bottom left). */
    public record Box(PDPageContentStream stream, float x, float y, float width, float height) {
    }

    /**
     * @param documentKey what the document is made from (e.g. the plan's fingerprints and the export's
     *                    name): it fixes the document id, so equal inputs give equal bytes
     */
    public PdfPages(String title, Lang lang, String documentKey) throws IOException {
        this.title = title;
        this.lang = lang;
        this.font = ChineseFont.load(document);
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("Xiaoche");
        byte[] id = sha256(documentKey + "\n" + title);
        COSArray ids = new COSArray();
        ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
        ids.add(new COSString(java.util.Arrays.copyOf(id, 16)));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        newPage();
    }

    public float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    public float left() {
        return MARGIN;
    }

    /** Height left on the current page above the footer. */
    public float remaining() {
        return y - bottom();
    }

    private static float bottom() {
        return MARGIN + FOOTER_SIZE * 2;
    }

    /** Starts a new page unless the current one is still empty. */
    public void startOnNewPage() throws IOException {
        if (!pageEmpty) {
            newPage();
        }
    }

    public void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
        pageEmpty = true;
    }

    /** Starts a new page unless {@code height} points fit on this one (so a heading stays with what follows). */
    public void keepTogether(float height) throws IOException {
        ensure(height);
    }

    private void ensure(float height) throws IOException {
        if (height > remaining() && !pageEmpty) {
            newPage();
        }
    }

    public void space(float points) {
        y -= points;
    }

    /** A heading: larger, drawn heavier, kept on the page with at least {@code keepWith} points after it. */
    public void heading(String text, float size, float keepWith) throws IOException {
        List<String> lines = wrap(text, size, width());
        ensure(lines.size() * size * LINE_GAP + keepWith);
        for (String line : lines) {
            y -= size * LINE_GAP;
            drawText(MARGIN, y + size * 0.25f, size, line, true);
        }
        pageEmpty = false;
        y -= size * 0.3f;
    }

    /** Wrapped text across the width, breaking pages between lines. */
    public void paragraph(String text, float size) throws IOException {
        paragraph(text, size, 0);
    }

    /** Wrapped text indented by {@code indent} points. */
    public void paragraph(String text, float size, float indent) throws IOException {
        for (String line : wrap(text, size, width() - indent)) {
            ensure(size * LINE_GAP);
            y -= size * LINE_GAP;
            drawText(MARGIN + indent, y + size * 0.25f, size, line, false);
            pageEmpty = false;
        }
    }

    /**
     * A table with a shaded header row; cells wrap, a row is never split, and a table that goes on over a
     * page break repeats its header.
     */
    public void table(List<Column> columns, List<List<String>> rows, float size) throws IOException {
        float total = 0;
        for (Column c : columns) {
            total += c.share();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * columns.get(i).share() / total;
        }
        List<String> header = columns.stream().map(Column::header).toList();
        float headerHeight = rowHeight(header, widths, size);
        ensure(headerHeight + (rows.isEmpty() ? 0 : rowHeight(rows.get(0), widths, size)));
        drawRow(header, widths, size, true);
        for (List<String> row : rows) {
            float height = rowHeight(row, widths, size);
            if (height > remaining()) {
                newPage();
                drawRow(header, widths, size, true);
            }
            drawRow(row, widths, size, false);
        }
        pageEmpty = false;
    }

    private float rowHeight(List<String> cells, float[] widths, float size) {
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            lines = Math.max(lines, wrap(i < cells.size() ? cells.get(i) : "", size, widths[i] - 2 * CELL_PAD).size());
        }
        return lines * size * LINE_GAP + 2 * CELL_PAD;
    }

    private void drawRow(List<String> cells, float[] widths, float size, boolean header) throws IOException {
        float height = rowHeight(cells, widths, size);
        float top = y;
        if (header) {
            stream.setNonStrokingColor(0.88f, 0.88f, 0.88f);
            stream.addRect(MARGIN, top - height, width(), height);
            stream.fill();
        }
        stream.setStrokingColor(0.55f, 0.55f, 0.55f);
        stream.setLineWidth(0.5f);
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            stream.addRect(x, top - height, widths[i], height);
            stream.stroke();
            float lineY = top - CELL_PAD;
            for (String line : wrap(i < cells.size() ? cells.get(i) : "", size, widths[i] - 2 * CELL_PAD)) {
                lineY -= size * LINE_GAP;
                drawText(x + CELL_PAD, lineY + size * 0.3f, size, line, header);
            }
            x += widths[i];
        }
        y = top - height;
        pageEmpty = false;
    }

    /** A box of the full width and {@code height} points for a drawing, on a new page if it does not fit. */
    public Box box(float height) throws IOException {
        ensure(height);
        y -= height;
        pageEmpty = false;
        return new Box(stream, MARGIN, y, width(), height);
    }

    /** The current page's content stream, for drawings placed by their own coordinates. */
    public PDPageContentStream stream() {
        return stream;
    }

    /** Draws one line of text with its baseline at ({@code x}, {@code baseline}). */
    public void drawText(float x, float baseline, float size, String text, boolean heavy) throws IOException {
        String drawable = font.drawable(text);
        if (drawable.isEmpty()) {
            return;
        }
        stream.setNonStrokingColor(0f, 0f, 0f);
        stream.beginText();
        stream.setFont(font.font(), size);
        if (heavy) {
            stream.setStrokingColor(0f, 0f, 0f);
            stream.setLineWidth(size / 40f);
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
        } else {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(drawable);
        stream.endText();
    }

    /** Width of {@code text} in points at {@code size}, as drawn. */
    public float textWidth(String text, float size) {
        return font.width(font.drawable(text), size);
    }

    /**
     * {@code text} broken into lines no wider than {@code maxWidth}: at line breaks, after a space where a
     * line of Latin words can break, and between any two Chinese characters.
     */
    public List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
            String rest = font.drawable(paragraph).stripTrailing();
            while (!rest.isEmpty()) {
                int fit = fitting(rest, size, maxWidth);
                if (fit < rest.length()) {
                    int space = rest.lastIndexOf(' ', fit);
                    if (space > 0 && isLatin(rest.charAt(fit)) && isLatin(rest.charAt(fit - 1))) {
                        fit = space + 1;
                    }
                }
                lines.add(rest.substring(0, fit).stripTrailing());
                rest = rest.substring(fit).stripLeading();
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    /** How many chars of {@code text} fit in {@code maxWidth}; at least one code point. */
    private int fitting(String text, float size, float maxWidth) {
        int end = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (end > 0 && font.width(text.substring(0, next), size) > maxWidth) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static boolean isLatin(char c) {
        return c < 0x2E80 && !Character.isWhitespace(c);
    }

    /** Adds the footers and writes the document. */
    public void save(OutputStream out) throws IOException {
        stream.close();
        stream = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage p = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                PDPageContentStream saved = stream;
                stream = footer;
                String number = lang.text("page", i + 1, pages);
                drawText(MARGIN, MARGIN, FOOTER_SIZE, title, false);
                drawText(PDRectangle.A4.getWidth() - MARGIN - textWidth(number, FOOTER_SIZE), MARGIN, FOOTER_SIZE, number, false);
                stream = saved;
            }
        }
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        try {
            if (stream != null) {
                stream.close();
            }
            document.close();
        } finally {
            font.close();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
