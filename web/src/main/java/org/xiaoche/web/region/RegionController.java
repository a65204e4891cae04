package org.xiaoche.web.region;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xiaoche.routing.export.RoadLayers;
import org.xiaoche.routing.network.ImportReport;
import org.xiaoche.web.job.JobView;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Regions: upload an OSM extract, follow its import, list regions, see what the import left out and draw their roads. */
@RestController
@RequestMapping("/api/regions")
public class RegionController {

    /**
     * @param bbox           {@code [minLon, minLat, maxLon, maxLat]} once imported
     * @param importWarnings road the import left out, one entry per profile and road class, longest first;
     *                       only on a single ready region ({@code GET /api/regions/{id}}), else null
     * @param droppedRoads   the longest named roads among them, per profile; null like {@code importWarnings}
     */
    public record RegionView(long id, String name, String state, String message, Integer nodeCount, Integer edgeCount,
                             double[] bbox, Instant createdAt, String createdBy, List<ImportWarning> importWarnings, List<DroppedRoadView> droppedRoads) {
        static RegionView of(Region r) {
            return of(r, null);
        }

        static RegionView of(Region r, ImportReport report) {
            double[] bbox = r.bounds() == null ? null
                    : new double[]{r.bounds().getMinX(), r.bounds().getMinY(), r.bounds().getMaxX(), r.bounds().getMaxY()};
            List<ImportWarning> warnings = null;
            List<DroppedRoadView> dropped = null;
            if (report != null) {
                warnings = new ArrayList<>();
                dropped = new ArrayList<>();
                for (ImportReport.ProfileReport p : report.profiles()) {
                    for (Map.Entry<String, Double> c : p.droppedByRoadClass_km().entrySet()) {
                        warnings.add(new ImportWarning(p.profile(), c.getKey(), round3(c.getValue())));
                    }
                    for (ImportReport.DroppedRoad d : p.biggestDroppedRoads()) {
                        dropped.add(new DroppedRoadView(p.profile(), d.name(), d.ref(), d.roadClass(), round3(d.km())));
                    }
                }
            }
            return new RegionView(r.id(), r.name(), r.state(), r.message(), r.nodeCount(), r.edgeCount(), bbox, r.createdAt(), r.createdBy(),
                    warnings, dropped);
        }

        private static double round3(double km) {
            return Math.round(km * 1000) / 1000.0;
        }
    }

    /**
     * Road of one class that a profile may use but the import left out (a small or one-way-isolated piece).
     *
     * @param profile {@code school_bus} or {@code foot}
     */
    public record ImportWarning(String profile, String roadClass, double dropped_km) {
    }

    /** A named road left out for a profile; {@code name} or {@code ref} may be empty. */
    public record DroppedRoadView(String profile, String name, String ref, String roadClass, double km) {
    }

    public record CreatedView(RegionView region, JobView job) {
    }

    private final RegionService regions;
    private final RegionRepository repository;
    private final RegionNetworks networks;
    private final RoadsGeoJson roads;

    public RegionController(RegionService regions, RegionRepository repository, RegionNetworks networks, RoadsGeoJson roads) {
        this.regions = regions;
        this.repository = repository;
        this.networks = networks;
        this.roads = roads;
    }

    @GetMapping
    public List<RegionView> list() {
        return repository.listAll().stream().map(RegionView::of).toList();
    }

    @GetMapping("/{id}")
    public RegionView get(@PathVariable long id) {
        Region region = regions.get(id);
        return RegionView.of(region, region.ready() ? networks.get(region).importReport() : null);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public CreatedView create(@RequestParam("name") String name, @RequestPart("osm") MultipartFile osm,
                              Authentication auth) throws IOException {
        try (InputStream in = osm.getInputStream()) {
            RegionService.Created created = regions.create(name, osm.getOriginalFilename(), in, auth.getName());
            return new CreatedView(RegionView.of(created.region()), JobView.of(created.job()));
        }
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        regions.delete(id);
    }

    @GetMapping(value = "/{id}/roads.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> roads(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .body(roads.of(networks.get(regions.get(id))));
    }

    /** Roads the school bus can use: open to it and not left out with a small or one-way-isolated piece. */
    @GetMapping(value = "/{id}/bus-roads.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> busRoads(@PathVariable long id) {
        return geoJson(roads.of(networks.get(regions.get(id)), RoadLayers.Selection.BUS_USABLE));
    }

    /** Roads open to the school bus that the import left out (see {@code importWarnings}). */
    @GetMapping(value = "/{id}/dropped-bus-roads.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> droppedBusRoads(@PathVariable long id) {
        return geoJson(roads.of(networks.get(regions.get(id)), RoadLayers.Selection.BUS_DROPPED));
    }

    private static ResponseEntity<byte[]> geoJson(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(body);
    }
}
