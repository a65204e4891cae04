package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;

/** {@code xiaoche export xlsx}: timetable workbook (XLSX): a summary sheet and one sheet per bus. */
@Command(name = "xlsx", mixinStandardHelpOptions = true, description = "Timetable workbook (XLSX): a summary sheet and one sheet per bus.")
final class ExportXlsxCommand extends ExportSubcommand {

    @Override
    void write(PlanExportRequest request, OutputStream out) throws IOException {
        org.xiaoche.routing.export.workbook.TimetableWorkbook.writeXlsx(request, out);
    }
}
