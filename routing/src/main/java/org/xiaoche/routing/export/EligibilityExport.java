package org.xiaoche.routing.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.eligibility.StudentEligibility;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an eligibility result for planners: {@code students.csv}, {@code students.geojson} (homes:
 * planner-only, personal data of minors) and {@code schools.csv} (the per-school summary).
 * Distances are whole metres; unknown values are empty cells / JSON null.
 */
public final class EligibilityExport {

    public static final String STUDENTS_CSV = "students.csv";
    public static final String STUDENTS_GEOJSON = "students.geojson";
    public static final String SCHOOLS_CSV = "schools.csv";

    private EligibilityExport() {
    }

    public static void write(EligibilityResult result, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        writeStudentsCsv(result, outDir.resolve(STUDENTS_CSV));
        writeStudentsGeoJson(result, outDir.resolve(STUDENTS_GEOJSON));
        writeSchoolsCsv(result, outDir.resolve(SCHOOLS_CSV));
    }

    static void writeStudentsCsv(EligibilityResult result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader("student_id", "school_id", "grade", "status", "walk_m", "home_access_m",
                             "school_access_m", "reason")
                     .get())) {
            for (StudentEligibility e : result.students()) {
                csv.printRecord(e.student().id(), e.student().schoolId(), e.student().grade(), e.status().code(),
                        metres(e.walk_m()), metres(e.homeAccess_m()), metres(e.schoolAccess_m()), e.reason());
            }
        }
    }

    static void writeStudentsGeoJson(EligibilityResult result, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeArrayFieldStart("features");
            for (StudentEligibility e : result.students()) {
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                json.writeObjectFieldStart("geometry");
                json.writeStringField("type", "Point");
                json.writeArrayFieldStart("coordinates");
                json.writeNumber(round7(e.student().home().lon()));
                json.writeNumber(round7(e.student().home().lat()));
                json.writeEndArray();
                json.writeEndObject();
                json.writeObjectFieldStart("properties");
                json.writeStringField("student_id", e.student().id());
                json.writeStringField("school_id", e.student().schoolId());
                json.writeNumberField("grade", e.student().grade());
                json.writeStringField("status", e.status().code());
                writeMetres(json, "walk_m", e.walk_m());
                writeMetres(json, "home_access_m", e.homeAccess_m());
                json.writeStringField("reason", e.reason());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    static void writeSchoolsCsv(EligibilityResult result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader("school_id", "name", "students", "walkers", "needs_transport", "unreachable",
                             "walk_p50_m", "walk_p90_m", "walk_max_m")
                     .get())) {
            for (SchoolEligibilitySummary s : result.schools()) {
                csv.printRecord(s.schoolId(), s.schoolName(), s.students(), s.walkers(), s.needsTransport(),
                        s.unreachable(), metres(s.walkP50_m()), metres(s.walkP90_m()), metres(s.walkMax_m()));
            }
        }
    }

    private static void writeMetres(JsonGenerator json, String field, double value_m) throws IOException {
        if (Double.isFinite(value_m)) {
            json.writeNumberField(field, Math.round(value_m));
        } else {
            json.writeNullField(field);
        }
    }

    static String metres(double value_m) {
        return Double.isFinite(value_m) ? String.format(Locale.ROOT, "%d", Math.round(value_m)) : "";
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
