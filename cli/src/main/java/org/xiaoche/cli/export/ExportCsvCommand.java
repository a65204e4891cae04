package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;

/** {@code xiaoche export csv}: timetable as one CSV table, a row per call of every run. */
@Command(name = "csv", mixinStandardHelpOptions = true, description = "Timetable as one CSV table, a row per call of every run.")
final class ExportCsvCommand extends ExportSubcommand {

    @Override
    void write(PlanExportRequest request, OutputStream out) throws IOException {
        org.xiaoche.routing.export.workbook.TimetableWorkbook.writeCsv(request, out);
    }
}
