package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;

/** {@code xiaoche export geojson}: stops and routes as one GeoJSON FeatureCollection. */
@Command(name = "geojson", mixinStandardHelpOptions = true, description = "Stops and routes as one GeoJSON FeatureCollection.")
final class ExportGeoJsonCommand extends ExportSubcommand {

    @Override
    void write(PlanExportRequest request, OutputStream out) throws IOException {
        org.xiaoche.routing.export.geojson.PublishedLayers.write(request, out);
    }
}
