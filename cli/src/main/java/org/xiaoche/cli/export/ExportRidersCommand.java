package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;

/** {@code xiaoche export riders}: riders lists for schools, one XLSX per school (zip); planner edition only. */
@Command(name = "riders", mixinStandardHelpOptions = true, description = "Riders lists for schools, one XLSX per school (zip); planner edition only.")
final class ExportRidersCommand extends ExportSubcommand {

    @Override
    void write(PlanExportRequest request, OutputStream out) throws IOException {
        org.xiaoche.routing.export.workbook.RidersWorkbook.writeAll(request, out);
    }
}
