package org.xiaoche.cli.export;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoche export FORMAT --plan DIR --out PATH}: a plan folder written by {@code plan} as a
 * file for operators, the permit office or schools. One subcommand class per format; a new format
 * is one more class in the list below.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a plan folder: GTFS, timetable workbook (XLSX/CSV), permit annex, GPX, GeoJSON, riders lists.",
        subcommands = {ExportGtfsCommand.class, ExportXlsxCommand.class, ExportCsvCommand.class, ExportPermitCommand.class,
                ExportGpxCommand.class, ExportGeoJsonCommand.class, ExportRidersCommand.class,
                org.xiaoche.cli.DriverSheetsCommand.class, org.xiaoche.cli.PermitPdfCommand.class,
                org.xiaoche.cli.NoticesCommand.class, org.xiaoche.cli.RidersPdfCommand.class})
public final class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine.usage(spec.commandLine(), System.out);
    }
}
