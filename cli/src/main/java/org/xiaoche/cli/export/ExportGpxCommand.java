package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;

/** {@code xiaoche export gpx}: one GPX file per bus (zip): stops as waypoints, each run as a track. */
@Command(name = "gpx", mixinStandardHelpOptions = true, description = "One GPX file per bus (zip): stops as waypoints, each run as a track.")
final class ExportGpxCommand extends ExportSubcommand {

    @Override
    void write(PlanExportRequest request, OutputStream out) throws IOException {
        org.xiaoche.routing.export.gpx.GpxWriter.writeAll(request, out);
    }
}
