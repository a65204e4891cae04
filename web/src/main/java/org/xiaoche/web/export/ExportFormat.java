package org.xiaoche.web.export;

import org.springframework.http.MediaType;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.plan.PlanAudience;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * One download of an adopted plan, a bean each: who may have it, its name, and how it is written for
 * one caller ({@link ExportRequest}: the operator edition holds only that operator's buses and no
 * counts of students).
 */
public interface ExportFormat {

    /** The path segment, e.g. {@code geojson}: {@code /api/adoptions/{id}/exports/geojson}. */
    String id();

    /** Message key of the link's label. */
    String labelKey();

    /** The audiences that may download it. */
    Set<PlanAudience> audiences();

    MediaType mediaType();

    /** The file's name without folders, e.g. {@code 校车-12.geojson}. */
    String fileName(ExportRequest request);

    void write(ExportRequest request, OutputStream out) throws IOException;

    /** The same, telling {@code progress} how far it is; {@code progress} may stop it by throwing (a cancelled job). */
    default void write(ExportRequest request, OutputStream out, ProgressListener progress) throws IOException {
        write(request, out);
    }

    /**
     * Whether it can take seconds (a PDF of every bus with its maps and directions): then it is made only as
     * a background job ({@code POST}), never inside a request.
     */
    default boolean job() {
        return false;
    }

    /** Whether it may name students: it is for no audience that may not see student ids. Its downloads are audited. */
    default boolean namesStudents() {
        return audiences().stream().allMatch(PlanAudience::seesStudentIds);
    }
}
