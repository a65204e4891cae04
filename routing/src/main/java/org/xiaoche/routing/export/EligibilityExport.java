package org.xiaoche.routing.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.eligibility.StudentEligibility;

import java.io.IOException;
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
        OutputFile.createFolder(outDir);
        writeStudentsCsv(result, outDir.resolve(STUDENTS_CSV));
        writeStudentsGeoJson(result, outDir.resolve(STUDENTS_GEOJSON));
        writeSchoolsCsv(result, outDir.resolve(SCHOOLS_CSV));
    }

    static void writeStudentsCsv(EligibilityResult result, Path file) throws IOException {
        OutputFile.writeText(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                         .setHeader("student_id", "school_id", "grade", "status", "walk_m", "home_access_m",
                                 "school_access_m", "reason")
                         .get())) {
                for (StudentEligibility e : result.students()) {
                    csv.printRecord(e.student().id(), e.student().schoolId(), e.student().grade(), e.status().code(),
                            metres(e.walk_m()), metres(e.homeAccess_m()), metres(e.schoolAccess_m()), e.reason());
                }
            }
        });
    }

    /** Homes with their status, as {@link EligibilityLayers} defines the layer (the CSV also has the access legs). */
    static void writeStudentsGeoJson(EligibilityResult result, Path file) throws IOException {
        GeoJsonWriter.write(file, geoJson -> EligibilityLayers.writeHomes(EligibilityLayers.homes(result), geoJson));
    }

    static void writeSchoolsCsv(EligibilityResult result, Path file) throws IOException {
        OutputFile.writeText(file, out -> {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                         .setHeader("school_id", "name", "students", "walkers", "needs_transport", "unreachable",
                                 "walk_p50_m", "walk_p90_m", "walk_max_m")
                         .get())) {
                for (SchoolEligibilitySummary s : result.schools()) {
                    csv.printRecord(s.schoolId(), s.schoolName(), s.students(), s.walkers(), s.needsTransport(),
                            s.unreachable(), metres(s.walkP50_m()), metres(s.walkP90_m()), metres(s.walkMax_m()));
                }
            }
        });
    }

    static String metres(double value_m) {
        return Double.isFinite(value_m) ? String.format(Locale.ROOT, "%d", Math.round(value_m)) : "";
    }

}
