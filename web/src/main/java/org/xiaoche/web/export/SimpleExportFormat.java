package org.xiaoche.web.export;

import org.springframework.http.MediaType;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.plan.PlanAudience;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * A format given by its parts: what {@link ExportFormat} asks, with the writing as a function; {@code job}
 * for the long ones, which are made only as background jobs and told their progress.
 */
record SimpleExportFormat(String id, String labelKey, Set<PlanAudience> audiences, MediaType mediaType, String extension,
                          boolean job, Writer writer) implements ExportFormat {

    /** Writes one download, telling progress (which may stop it by throwing). */
    @FunctionalInterface
    interface Writer {
        void write(ExportRequest request, OutputStream out, ProgressListener progress) throws IOException;
    }

    /** Writes one small download, at once. */
    @FunctionalInterface
    interface QuickWriter {
        void write(ExportRequest request, OutputStream out) throws IOException;
    }

    /** Every role that sees plans: planners and viewers get the full edition, operators their own. */
    static final Set<PlanAudience> EVERYONE = Set.of(PlanAudience.PLANNER, PlanAudience.VIEWER, PlanAudience.OPERATOR);
    /** Student ids: planners only. */
    static final Set<PlanAudience> PLANNERS = Set.of(PlanAudience.PLANNER);

    /** A small format, written inside the request that asks for it. */
    SimpleExportFormat(String id, String labelKey, Set<PlanAudience> audiences, MediaType mediaType, String extension,
                       QuickWriter writer) {
        this(id, labelKey, audiences, mediaType, extension, false, (request, out, progress) -> writer.write(request, out));
    }

    @Override
    public String fileName(ExportRequest request) {
        return ExportNames.base(request) + "-" + id + "." + extension;
    }

    @Override
    public void write(ExportRequest request, OutputStream out) throws IOException {
        writer.write(request, out, ProgressListener.NONE);
    }

    @Override
    public void write(ExportRequest request, OutputStream out, ProgressListener progress) throws IOException {
        writer.write(request, out, progress);
    }
}
