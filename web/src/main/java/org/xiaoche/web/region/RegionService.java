package org.xiaoche.web.region;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.XiaocheProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Creating regions from uploaded OSM extracts (imported by a background job) and removing them. */
@Service
public class RegionService {

    private static final List<String> OSM_EXTENSIONS = List.of(".osm.pbf", ".osm.gz", ".osm.bz2", ".osm", ".pbf");

    /** A region and the job importing its roads. */
    public record Created(Region region, Job job) {
    }

    private final RegionRepository regions;
    private final RegionNetworks networks;
    private final JobService jobs;
    private final XiaocheProperties properties;

    public RegionService(RegionRepository regions, RegionNetworks networks, JobService jobs, XiaocheProperties properties) {
        this.regions = regions;
        this.networks = networks;
        this.jobs = jobs;
        this.properties = properties;
    }

    public Region get(long id) {
        return regions.findById(id).orElseThrow(() -> ApiException.notFound("region", id));
    }

    /**
     * Stores the extract under the data folder and queues its import.
     *
     * @throws ApiException 400 when the name is empty or the file is not named like an OSM extract
     */
    public Created create(String name, String originalFileName, InputStream osm, String createdBy) {
        if (name == null || name.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "give the region a name");
        }
        String extension = osmExtension(originalFileName);
        long id = regions.insert(name.trim(), Path.of("pending"));
        regions.setCreatedBy(id, createdBy);
        Path relative = Path.of("regions", Long.toString(id), "extract" + extension);
        try {
            Path target = properties.dataDir().resolve(relative);
            Files.createDirectories(target.getParent());
            Files.copy(osm, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            regions.delete(id);
            throw new UncheckedIOException("cannot store the OSM extract", e);
        }
        regions.setOsmFile(id, relative);
        Job job = jobs.submit(RegionImportStep.KIND, Map.of("regionId", Long.toString(id)), createdBy);
        return new Created(get(id), job);
    }

    /** Creates a region from a file already in the data folder (the demo county), without a job. */
    public Region createFromFile(String name, Path osmFileInDataDir) {
        long id = regions.insert(name, properties.dataDir().relativize(osmFileInDataDir));
        return get(id);
    }

    /** Deletes the region with its datasets, students and results, and its uploaded extract. */
    public void delete(long id) {
        Region region = get(id);
        networks.forget(id);
        regions.delete(id);
        Path dir = properties.regionsDir().resolve(Long.toString(id));
        if (networks.osmPath(region).startsWith(dir)) {
            deleteTree(dir);
        }
    }

    private static String osmExtension(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return OSM_EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElseThrow(() -> new ApiException(
                HttpStatus.BAD_REQUEST, "'" + fileName + "' is not an OSM extract (.osm, .osm.pbf, .osm.gz or .osm.bz2)"));
    }

    private static void deleteTree(Path dir) {
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
