package org.xiaoche.web.export;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.xiaoche.routing.export.edition.ExportLanguage;
import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.export.edition.RunRoads;
import org.xiaoche.routing.export.geojson.PublishedLayers;
import org.xiaoche.routing.export.gpx.GpxWriter;
import org.xiaoche.routing.export.gtfs.GtfsFeed;
import org.xiaoche.routing.export.workbook.PermitAnnex;
import org.xiaoche.routing.export.workbook.RidersWorkbook;
import org.xiaoche.routing.network.RouteRoadNames;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionService;

import java.util.Locale;
import org.xiaoche.routing.export.workbook.TimetableWorkbook;

/**
 * The engine's timetable exports as downloads: the GTFS feed (zip), the timetable workbook (XLSX and
 * CSV), the permit annex (XLSX, roads from the region's network) and GPX per bus (zip), each for every
 * role in its edition ({@link PlanExports}); the riders
 * workbook for planners only.
 */
@Configuration
class TimetableExports {

    @Bean
    ExportFormat gtfsExport(PlanExports exports) {
        return new SimpleExportFormat("gtfs", "export.gtfs", SimpleExportFormat.EVERYONE, MediaType.parseMediaType("application/zip"),
                "zip", (request, out) -> GtfsFeed.write(exports.request(request), out));
    }

    @Bean
    ExportFormat timetableXlsxExport(PlanExports exports) {
        return new SimpleExportFormat("xlsx", "export.xlsx", SimpleExportFormat.EVERYONE,
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx",
                (request, out) -> TimetableWorkbook.writeXlsx(exports.request(request), out));
    }

    @Bean
    ExportFormat timetableCsvExport(PlanExports exports) {
        return new SimpleExportFormat("csv", "export.csv", SimpleExportFormat.EVERYONE,
                MediaType.parseMediaType("text/csv;charset=UTF-8"), "csv",
                (request, out) -> TimetableWorkbook.writeCsv(exports.request(request), out));
    }

    /** Stops and routes in one GeoJSON file for operators' own tools: the engine's published layers. */
    @Bean
    ExportFormat stopsAndRoutesGeoJsonExport(PlanExports exports) {
        return new SimpleExportFormat("geojson", "export.geojson", SimpleExportFormat.EVERYONE,
                MediaType.parseMediaType("application/geo+json"), "geojson",
                (request, out) -> PublishedLayers.write(exports.request(request), out));
    }

    @Bean
    ExportFormat gpxExport(PlanExports exports) {
        return new SimpleExportFormat("gpx", "export.gpx", SimpleExportFormat.EVERYONE, MediaType.parseMediaType("application/zip"),
                "zip", (request, out) -> GpxWriter.writeAll(exports.request(request), out));
    }

    @Bean
    ExportFormat permitXlsxExport(PlanExports exports, RegionService regions, RegionNetworks networks) {
        return new SimpleExportFormat("permit-xlsx", "export.permitXlsx", SimpleExportFormat.EVERYONE,
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx",
                (request, out) -> {
                    PlanExportRequest export = exports.request(request);
                    RouteRoadNames roads = new RouteRoadNames(networks.get(regions.get(request.adoption().regionId())));
                    Locale locale = export.language() == ExportLanguage.EN ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                    PermitAnnex.writeXlsx(export, RunRoads.compute(export.plan(), places -> roads.labelsThrough(places, locale)), out);
                });
    }

    @Bean
    ExportFormat ridersXlsxExport(PlanExports exports) {
        return new SimpleExportFormat("riders-xlsx", "export.ridersXlsx", SimpleExportFormat.PLANNERS,
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx",
                (request, out) -> RidersWorkbook.writeAll(exports.request(request), out));
    }
}
