package org.xiaoche.web.export;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.export.PlanLayers;
import org.xiaoche.web.plan.PlanAudience;
import org.xiaoche.web.plan.PlanScopes;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Stops and routes of an adopted plan in one GeoJSON file, for operators' own tools: the map's stop
 * and route layers ({@link PlanLayers}) as the caller sees them, points and lines together.
 */
@Component
class StopsAndRoutesGeoJson implements ExportFormat {

    private final PlanScopes scopes;

    StopsAndRoutesGeoJson(PlanScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public String id() {
        return "geojson";
    }

    @Override
    public String labelKey() {
        return "export.geojson";
    }

    @Override
    public Set<PlanAudience> audiences() {
        return Set.of(PlanAudience.PLANNER, PlanAudience.VIEWER, PlanAudience.OPERATOR);
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("application/geo+json");
    }

    @Override
    public String fileName(ExportRequest request) {
        return ExportNames.base(request) + ".geojson";
    }

    @Override
    public void write(ExportRequest request, OutputStream out) throws IOException {
        PlanLayers.StudentCounts counts = request.scope().audience().studentCounts();
        var stops = scopes.stops(request.scope());
        var routes = scopes.routes(request.scope());
        out.write(GeoJsonWriter.toBytes(geoJson -> {
            PlanLayers.writeStops(stops, counts, geoJson);
            PlanLayers.writeRoutes(routes, counts, geoJson);
        }));
    }
}
