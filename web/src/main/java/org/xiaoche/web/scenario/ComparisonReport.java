package org.xiaoche.web.scenario;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.xiaoche.routing.export.pdf.ChineseFont;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.scenario.Comparison;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printable comparison of a baseline and its scenarios, in Chinese, for the public notice a closure
 * needs: the verdict and warnings first, then the figures with differences, journeys per grade band,
 * closed and receiving schools. Aggregates only: it is given the comparison's public view, and no
 * student id or home ever reaches it. Fonts: WenQuanYi Micro Hei (Debian {@code fonts-wqy-microhei}),
 * a subset embedded. Texts from the message bundles ({@code report.*}).
 */
@Component
public class ComparisonReport {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final float MARGIN = 50, SIZE = 10, LEADING = 15;
    private static final float[] COLUMNS = {MARGIN, 260, 350, 440};

    private final MessageSource messages;

    public ComparisonReport(MessageSource messages) {
        this.messages = messages;
    }

    /** The report as PDF bytes; {@code comparison} must be the public view. */
    public byte[] render(String title, Comparison comparison, List<ComparisonWarnings.Warning> warnings) throws IOException {
        try (PDDocument doc = new PDDocument(); ChineseFont font = ChineseFont.load(doc)) {
            try (Pages pages = new Pages(doc, font.font())) {
                pages.line(16, t("report.title", title));
                pages.gap();
                Comparison.PlanFigures base = comparison.baseline();
                for (Comparison.ScenarioComparison s : comparison.scenarios()) {
                    pages.line(13, t("report.scenario", s.name()));
                    pages.line(SIZE, t(s.verdict().feasible() ? "report.feasible" : "report.infeasible"));
                    for (ComparisonWarnings.Warning w : warnings) {
                        if (w.scenario().equals(s.name())) {
                            pages.line(SIZE, "• " + warning(w));
                        }
                    }
                    pages.gap();
                    pages.row(true, t("report.figure"), t("report.baseline"), t("report.scenarioColumn"), t("report.difference"));
                    figures(pages, base, s.figures(), s.differences());
                    pages.gap();
                    pages.line(11, t("report.bands"));
                    pages.row(true, t("report.band"), t("report.baseline"), t("report.scenarioColumn"), "");
                    for (Map.Entry<String, Comparison.JourneyStats> band : s.figures().journeysByGradeBand().entrySet()) {
                        Comparison.JourneyStats before = base.journeysByGradeBand().get(band.getKey());
                        pages.row(false, t("report.bandRow", band.getKey()), journey(before), journey(band.getValue()), "");
                    }
                    pages.gap();
                    pages.line(11, t("report.closed"));
                    for (Comparison.ClosedSchool c : s.closedSchools()) {
                        pages.line(SIZE, t("report.closedRow", c.name(), c.village().isEmpty() ? "—" : c.village(),
                                c.studentsMoved(), c.youngPupilsMoved()));
                    }
                    pages.gap();
                    pages.line(11, t("report.receiving"));
                    for (Comparison.ReceivingSchool r : s.receivingSchools()) {
                        pages.line(SIZE, t("report.receivingRow", r.name(), r.studentsMovedIn(), r.enrolment(),
                                r.capacity() == null ? t("report.unknown") : r.capacity(),
                                status(r.bedsStatus()), status(r.canteenStatus())));
                    }
                    pages.gap();
                }
                pages.line(8, t("report.footer"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void figures(Pages pages, Comparison.PlanFigures a, Comparison.PlanFigures b, Comparison.Differences d)
            throws IOException {
        pages.row(false, t("report.needingTransport"), n(a.needingTransport()), n(b.needingTransport()), signed(d.needingTransport()));
        pages.row(false, t("report.walkers"), n(a.walkers()), n(b.walkers()), signed(d.walkers()));
        pages.row(false, t("report.unserved"), n(a.unserved()), n(b.unserved()), signed(d.unserved()));
        pages.row(false, t("report.buses"), n(a.buses()), n(b.buses()), signed(d.buses()));
        pages.row(false, t("report.busKm"), km(a.busKmPerDay()), km(b.busKmPerDay()), signedKm(d.busKmPerDay()));
        pages.row(false, t("report.yearlyCost"), money(a.yearlyCost()), money(b.yearlyCost()), signedMoney(d.yearlyCost()));
        pages.row(false, t("report.journeyMean"), min(a.journeys().mean_s()), min(b.journeys().mean_s()), signedMin(d.journeyMean_s()));
        pages.row(false, t("report.journeyP90"), min(a.journeys().p90_s()), min(b.journeys().p90_s()), signedMin(d.journeyP90_s()));
        pages.row(false, t("report.journeyMax"), min(a.journeys().max_s()), min(b.journeys().max_s()), signedMin(d.journeyMax_s()));
        pages.row(false, t("report.youngOverCap"), n(a.youngOverJourneyCap()), n(b.youngOverJourneyCap()), signed(d.youngOverJourneyCap()));
        pages.row(false, t("report.boarding"), n(a.boardingCandidates()), n(b.boardingCandidates()), signed(d.boardingCandidates()));
    }

    private String warning(ComparisonWarnings.Warning w) {
        String key = "scenario.warning." + w.kind().name().toLowerCase(Locale.ROOT);
        return t(key, w.count(), w.schoolName() == null ? "" : w.schoolName(), w.available() == null ? "" : w.available());
    }

    private String status(String status) {
        if (status.equals(Comparison.ENOUGH)) {
            return t("report.enough");
        }
        if (status.equals(Comparison.UNKNOWN)) {
            return t("report.unknown");
        }
        return t("report.short", status.replaceAll("\\D", ""));
    }

    private String journey(Comparison.JourneyStats s) {
        return s == null || s.mean_s() == null ? "—" : t("report.journeyCell", min(s.mean_s()), min(s.p90_s()));
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, CHINESE);
    }

    private static String n(int v) {
        return Integer.toString(v);
    }

    private static String signed(int v) {
        return v > 0 ? "+" + v : Integer.toString(v);
    }

    private static String km(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signedKm(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String signedMoney(double v) {
        return String.format(Locale.ROOT, "%+,.0f", v);
    }

    private static String min(Double s) {
        return s == null ? "—" : String.format(Locale.ROOT, "%.1f", s / 60);
    }

    private static String signedMin(Double s) {
        return s == null ? "—" : String.format(Locale.ROOT, "%+.1f", s / 60);
    }

    /** Lines and table rows down A4 pages, a new page when one is full. */
    private static final class Pages implements Closeable {
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void line(float size, String text) throws IOException {
            for (String part : wrap(text, size)) {
                room(size + 5);
                show(MARGIN, y, size, part);
                y -= size + 5;
            }
        }

        void row(boolean header, String... cells) throws IOException {
            room(LEADING);
            for (int i = 0; i < cells.length; i++) {
                show(COLUMNS[i], y, header ? SIZE + 0.5f : SIZE, cells[i]);
            }
            y -= LEADING;
        }

        void gap() {
            y -= LEADING / 2;
        }

        private List<String> wrap(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                String next = current + new String(Character.toChars(cp));
                if (font.getStringWidth(drawable(next)) / 1000 * size > width && !current.isEmpty()) {
                    parts.add(current.toString());
                    current = new StringBuilder(new String(Character.toChars(cp)));
                } else {
                    current = new StringBuilder(next);
                }
            }
            parts.add(current.toString());
            return parts;
        }

        private void show(float x, float atY, float size, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(drawable(text));
            content.endText();
        }

        /** School and village names are the user's text: what the font cannot draw becomes ? (controls a space). */
        private String drawable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                    return;
                }
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
