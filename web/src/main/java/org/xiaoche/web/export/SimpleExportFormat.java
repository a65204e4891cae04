package org.xiaoche.web.export;

import org.springframework.http.MediaType;
import org.xiaoche.web.plan.PlanAudience;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/** A format given by its parts: what {@link ExportFormat} asks, with the writing as a function. */
record SimpleExportFormat(String id, String labelKey, Set<PlanAudience> audiences, MediaType mediaType, String extension,
                          Writer writer) implements ExportFormat {

    /** Writes one download. */
    @FunctionalInterface
    interface Writer {
        void write(ExportRequest request, OutputStream out) throws IOException;
    }

    /** Every role that sees plans: planners and viewers get the full edition, operators their own. */
    static final Set<PlanAudience> EVERYONE = Set.of(PlanAudience.PLANNER, PlanAudience.VIEWER, PlanAudience.OPERATOR);
    /** Student ids: planners only. */
    static final Set<PlanAudience> PLANNERS = Set.of(PlanAudience.PLANNER);

    @Override
    public String fileName(ExportRequest request) {
        return ExportNames.base(request) + "-" + id + "." + extension;
    }

    @Override
    public void write(ExportRequest request, OutputStream out) throws IOException {
        writer.write(request, out);
    }
}
