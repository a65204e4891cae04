package org.xiaoche.web.export;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.xiaoche.routing.export.pdf.DriverSheets;
import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.export.pdf.PermitAnnex;
import org.xiaoche.routing.export.pdf.SchoolRiders;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionService;

/**
 * The engine's PDF exports as downloads: driver sheets and the permit annex for every role (operators:
 * their own buses), rider lists and pickup notices for planners only (they name students).
 */
@Configuration
class PdfExports {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    @Bean
    ExportFormat driverSheetsExport(PlanExports exports, RegionService regions, RegionNetworks networks) {
        return new SimpleExportFormat("driver-sheets", "export.driverSheets", SimpleExportFormat.EVERYONE, PDF, "pdf",
                (request, out) -> {
                    RoadNetwork network = network(request, regions, networks);
                    if (request.scope().all()) {
                        DriverSheets.write(exports.plan(request), network, lang(request), out);
                    } else {
                        DriverSheets.write(exports.plan(request), network, request.scope().buses(), lang(request), out);
                    }
                });
    }

    @Bean
    ExportFormat permitAnnexExport(PlanExports exports, RegionService regions, RegionNetworks networks) {
        return new SimpleExportFormat("permit", "export.permit", SimpleExportFormat.EVERYONE, PDF, "pdf",
                (request, out) -> {
                    RoadNetwork network = network(request, regions, networks);
                    if (request.scope().all()) {
                        PermitAnnex.write(exports.plan(request), network, lang(request), out);
                    } else {
                        PermitAnnex.write(exports.plan(request), network, request.scope().buses(), lang(request), out);
                    }
                });
    }

    @Bean
    ExportFormat ridersExport(PlanExports exports) {
        return new SimpleExportFormat("riders", "export.riders", SimpleExportFormat.PLANNERS, PDF, "pdf",
                (request, out) -> SchoolRiders.writeRiderLists(exports.plan(request), null, lang(request), out));
    }

    @Bean
    ExportFormat noticesExport(PlanExports exports, RegionService regions, RegionNetworks networks) {
        return new SimpleExportFormat("notices", "export.notices", SimpleExportFormat.PLANNERS, PDF, "pdf",
                (request, out) -> SchoolRiders.writeNotices(exports.plan(request), network(request, regions, networks), null,
                        lang(request), out));
    }

    private static RoadNetwork network(ExportRequest request, RegionService regions, RegionNetworks networks) {
        return networks.get(regions.get(request.adoption().regionId()));
    }

    private static Lang lang(ExportRequest request) {
        return Lang.parse(request.language());
    }
}
