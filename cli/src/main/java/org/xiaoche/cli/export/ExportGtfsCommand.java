package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;

/** {@code xiaoche export gtfs}: GTFS feed (zip): agency, stops, routes, trips, stop_times, calendar, calendar_dates, shapes, feed_info. */
@Command(name = "gtfs", mixinStandardHelpOptions = true, description = "GTFS feed (zip): agency, stops, routes, trips, stop_times, calendar, calendar_dates, shapes, feed_info.")
final class ExportGtfsCommand extends ExportSubcommand {

    @Override
    void write(PlanExportRequest request, OutputStream out) throws IOException {
        org.xiaoche.routing.export.gtfs.GtfsFeed.write(request, out);
    }
}
