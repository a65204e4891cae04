package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.RunRoads;
import org.xiaoche.routing.export.workbook.PermitAnnex;
import org.xiaoche.routing.network.RouteRoadNames;
import org.xiaoche.routing.network.RoadNetwork;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;

/** {@code xiaoche export permit --osm FILE}: the permit annex; the roads of each run come from the network. */
@Command(name = "permit", mixinStandardHelpOptions = true,
        description = "Permit annex (校车使用许可 · 行驶线路、开行时间、停靠站点, XLSX), one sheet per bus; needs --osm for the road names.")
final class ExportPermitCommand extends ExportSubcommand {

    @Override
    void write(PlanExportRequest request, OutputStream out) throws IOException {
        RunRoads roads;
        try (RoadNetwork network = options.openNetwork()) {
            roads = RunRoads.compute(request.plan(), places -> new RouteRoadNames(network).labelsThrough(places, java.util.Locale.CHINA));
        }
        PermitAnnex.writeXlsx(request, roads, out);
    }
}
