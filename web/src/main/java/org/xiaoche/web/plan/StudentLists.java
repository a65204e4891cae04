package org.xiaoche.web.plan;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.export.workbook.SpreadsheetText;
import org.xiaoche.routing.export.workbook.Workbooks;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.plan.UnservedStudent;
import org.xiaoche.routing.timetable.StudentJourney;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The planners' lists of a plan's students who need a look: those without a bus ({@link Kind#UNSERVED})
 * and those carried although no trip meets their caps ({@link Kind#CAP_INFEASIBLE}), with their
 * reasons in the reader's language (never machine codes), as CSV (UTF-8 with a byte-order mark, so
 * spreadsheet programs read the Chinese) or XLSX (the engine's {@link Workbooks}: formula-like text
 * stays text). They carry student ids: planners only, and every download is audited.
 */
@Component
public class StudentLists {

    /** Which list. */
    public enum Kind {
        UNSERVED("unserved"), CAP_INFEASIBLE("cap-infeasible");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Kind> of(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
        }
    }

    /** File format of a list. */
    public enum Format {
        CSV, XLSX;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Format> of(String code) {
            return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
        }
    }

    private final MessageSource messages;
    private final StudentReasons reasons;

    public StudentLists(MessageSource messages, StudentReasons reasons) {
        this.messages = messages;
        this.reasons = reasons;
    }

    /** The list's title in {@code locale}'s language (sheet name and file name). */
    public String title(Kind kind, Locale locale) {
        return messages.getMessage("planLists." + kind.code(), null, locale);
    }

    /** The header row, then a row per student (by school, then student id). */
    public List<List<Object>> rows(Plan plan, Kind kind, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        if (kind == Kind.UNSERVED) {
            rows.add(headers(locale, "studentId", "schoolId", "school", "grade", "reason", "details"));
            plan.unserved().stream().sorted(Comparator.comparing(UnservedStudent::schoolId).thenComparing(UnservedStudent::studentId))
                    .forEach(u -> rows.add(List.of(u.studentId(), u.schoolId(), plan.schoolName(u.schoolId()), u.grade(),
                            messages.getMessage("plan.unservedReason." + u.reasonCode().name(), null, locale),
                            reasons.of(u.reason(), locale))));
        } else {
            rows.add(headers(locale, "studentId", "schoolId", "school", "grade", "stop", "run", "ride_min", "journey_min", "reason"));
            plan.journeys().stream().filter(StudentJourney::capInfeasible)
                    .sorted(Comparator.comparing(StudentJourney::schoolId).thenComparing(StudentJourney::studentId))
                    .forEach(j -> rows.add(List.of(j.studentId(), j.schoolId(), plan.schoolName(j.schoolId()), j.grade(),
                            plan.findStop(j.stopId()).map(PlanStop::name).filter(n -> !n.isBlank()).orElse(j.stopId()),
                            j.amRunId(), minutes(j.amRide_s()), minutes(j.amJourney_s()), reasons.of(j.capReason(), locale))));
        }
        return rows;
    }

    /** Writes the list in {@code format}. */
    public void write(Plan plan, Kind kind, Format format, Locale locale, OutputStream out) throws IOException {
        List<List<Object>> rows = rows(plan, kind, locale);
        if (format == Format.CSV) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            for (List<Object> row : rows) {
                csv.printRecord(row.stream().map(v -> v instanceof String s ? SpreadsheetText.forCsv(s) : v).toList());
            }
            csv.flush();
            return;
        }
        try (Workbooks book = new Workbooks()) {
            Sheet sheet = book.sheet(title(kind, locale));
            book.headerRow(sheet, 0, rows.get(0).stream().map(String::valueOf).toList());
            for (int i = 1; i < rows.size(); i++) {
                book.row(sheet, i, rows.get(i));
            }
            book.fitColumns(sheet, rows.get(0).size());
            book.write(out);
        }
    }

    private List<Object> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> (Object) messages.getMessage("planLists.header." + k, null, locale)).toList();
    }

    /** Minutes to one decimal, as the engine's reasons give them. */
    private static double minutes(double seconds) {
        return Math.round(seconds / 6) / 10.0;
    }
}
