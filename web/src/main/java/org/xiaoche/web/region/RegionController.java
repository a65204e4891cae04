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
import org.xiaoche.web.job.JobView;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** Regions: upload an OSM extract, follow its import, list regions and draw their roads. */
@RestController
@RequestMapping("/api/regions")
public class RegionController {

    /** @param bbox {@code [minLon, minLat, maxLon, maxLat]} once imported */
    public record RegionView(long id, String name, String state, String message, Integer nodeCount, Integer edgeCount,
                             double[] bbox, Instant createdAt) {
        static RegionView of(Region r) {
            double[] bbox = r.bounds() == null ? null
                    : new double[]{r.bounds().getMinX(), r.bounds().getMinY(), r.bounds().getMaxX(), r.bounds().getMaxY()};
            return new RegionView(r.id(), r.name(), r.state(), r.message(), r.nodeCount(), r.edgeCount(), bbox, r.createdAt());
        }
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
        return RegionView.of(regions.get(id));
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
}
