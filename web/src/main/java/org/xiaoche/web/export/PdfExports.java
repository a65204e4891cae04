package org.xiaoche.web.export;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.xiaoche.routing.export.pdf.DriverSheets;
import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.export.pdf.PermitAnnex;
import org.xiaoche.routing.export.pdf.SchoolRiders;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.web.plan.PlanAudience;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionService;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Set;

/**
 * The engine's PDF exports as downloads: driver sheets and the permit annex for every role (operators:
 * their own buses), rider lists and pickup notices for planners only (they name students). Each can
 * take seconds on a county (a map and directions per run), so each is made as a background job
 * ({@link ExportJobStep}), never inside a request; those drawn on roads hold the region's road network
 * while they write, so the region cannot be deleted under them.
 */
@Configuration
class PdfExports {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    /** Loading a region's network is the first part of a job's progress; the document the rest. */
    private static final double NETWORK_SHARE = 0.1;

    /** A document drawn on the region's road network, for the download asked for. */
    @FunctionalInterface
    private interface OnRoads {
        void write(ExportRequest request, Plan plan, RoadNetwork network, Lang lang, OutputStream out, ProgressListener progress)
                throws IOException;
    }

    @Bean
    ExportFormat driverSheetsExport(PlanExports exports, RegionService regions, RegionNetworks networks) {
        return onRoads("driver-sheets", "export.driverSheets", SimpleExportFormat.EVERYONE, exports, regions, networks,
                (request, plan, network, lang, out, progress) -> DriverSheets.write(plan, network, buses(request, plan), lang,
                        out, progress));
    }

    @Bean
    ExportFormat permitAnnexExport(PlanExports exports, RegionService regions, RegionNetworks networks) {
        return onRoads("permit", "export.permit", SimpleExportFormat.EVERYONE, exports, regions, networks,
                (request, plan, network, lang, out, progress) -> PermitAnnex.write(plan, network, buses(request, plan), lang,
                        out, progress));
    }

    @Bean
    ExportFormat ridersExport(PlanExports exports) {
        return new SimpleExportFormat("riders", "export.riders", SimpleExportFormat.PLANNERS, PDF, "pdf", true,
                (request, out, progress) -> SchoolRiders.writeRiderLists(exports.plan(request), null, lang(request), out, progress));
    }

    @Bean
    ExportFormat noticesExport(PlanExports exports, RegionService regions, RegionNetworks networks) {
        return onRoads("notices", "export.notices", SimpleExportFormat.PLANNERS, exports, regions, networks,
                (request, plan, network, lang, out, progress) -> SchoolRiders.writeNotices(plan, network, null, lang, out, progress));
    }

    private static ExportFormat onRoads(String id, String labelKey, Set<PlanAudience> audiences, PlanExports exports,
                                        RegionService regions, RegionNetworks networks, OnRoads document) {
        return new SimpleExportFormat(id, labelKey, audiences, PDF, "pdf", true, (request, out, progress) -> {
            progress.progress("load road network", 0);
            try (RegionNetworks.InUse held = networks.use(regions.get(request.adoption().regionId()))) {
                document.write(request, exports.plan(request), held.network(), lang(request), out, progress.slice(NETWORK_SHARE, 1));
            }
        });
    }

    /** The buses the caller sees: every bus of the plan, or an operator's own. */
    private static Collection<String> buses(ExportRequest request, Plan plan) {
        return request.scope().all() ? plan.buses().stream().map(Bus::busId).toList() : request.scope().buses();
    }

    private static Lang lang(ExportRequest request) {
        return Lang.parse(request.language());
    }
}
