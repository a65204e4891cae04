package org.xiaoche.web.dataset;

import jakarta.servlet.http.HttpServletRequest;
import org.xiaoche.web.audit.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xiaoche.routing.export.GeoJsonWriter;
import org.xiaoche.routing.export.RosterLayers;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobUploads;
import org.xiaoche.web.job.JobView;
import org.xiaoche.web.region.Region;
import org.xiaoche.web.region.RegionService;
import org.xiaoche.web.system.ApiException;
import org.xiaoche.web.system.UploadLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Datasets of a region: upload schools + students, list, delete, and the schools and students as GeoJSON. */
@RestController
public class DatasetController {

    public record DatasetView(long id, long regionId, String name, String coordinateSystem, String schoolsFile,
                              String studentsFile, int schoolCount, int studentCount, String createdBy, Instant createdAt) {
        static DatasetView of(Dataset d) {
            return new DatasetView(d.id(), d.regionId(), d.name(), d.coordinateSystem(), d.schoolsFile(), d.studentsFile(),
                    d.schoolCount(), d.studentCount(), d.createdBy(), d.createdAt());
        }
    }

    private final DatasetService datasets;
    private final DatasetRepository repository;
    private final UploadLimits uploadLimits;
    private final JobUploads uploads;
    private final AuditLog audit;
    private final RegionService regions;
    private final JobService jobs;

    public DatasetController(DatasetService datasets, DatasetRepository repository, UploadLimits uploadLimits, JobUploads uploads,
                             AuditLog audit, RegionService regions, JobService jobs) {
        this.regions = regions;
        this.jobs = jobs;
        this.uploads = uploads;
        this.uploadLimits = uploadLimits;
        this.audit = audit;
        this.datasets = datasets;
        this.repository = repository;
    }

    @GetMapping("/api/regions/{regionId}/datasets")
    public List<DatasetView> list(@PathVariable long regionId) {
        return repository.listByRegion(regionId).stream().map(DatasetView::of).toList();
    }

    /**
     * Accepted (202) as an {@code import-roster} job that reads and stores the files: its result is the
     * dataset, or it fails with every problem's file, line, field and reason (shown to the uploader in
     * {@code GET /api/jobs/{id}}). The region must be ready and the coordinate system known (else 409 / 400 at once).
     */
    @PostMapping(value = "/api/regions/{regionId}/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobView upload(@PathVariable long regionId, @RequestParam(value = "name", required = false) String name,
                          @RequestParam(value = "crs", required = false) String crs,
                          @RequestPart("schools") MultipartFile schools, @RequestPart("students") MultipartFile students,
                          Authentication auth) throws IOException {
        uploadLimits.checkRosterParts(schools, students);
        Region region = regions.get(regionId);
        if (!region.ready()) {
            throw new ApiException(HttpStatus.CONFLICT, "region " + regionId + " is " + region.state() + ", not ready");
        }
        DatasetService.parseCrs(crs);
        if (name != null && name.strip().codePointCount(0, name.strip().length()) > DatasetService.MAX_NAME_CHARS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the roster's name is longer than " + DatasetService.MAX_NAME_CHARS + " characters");
        }
        // Under the data folder, not the system temp folder: a copy a crash leaves is deleted at the next start.
        Path dir = uploads.newFolder();
        boolean handedToJob = false;
        try {
            // Keep the uploaded names: the readers pick the format by extension and name the file in problems.
            Path schoolsFile = save(schools, dir.resolve("schools"));
            Path studentsFile = save(students, dir.resolve("students"));
            Map<String, String> params = new HashMap<>();
            params.put("regionId", Long.toString(regionId));
            if (name != null) {
                params.put("name", name);
            }
            if (crs != null) {
                params.put("crs", crs);
            }
            params.put("schoolsFile", uploads.relative(schoolsFile));
            params.put("studentsFile", uploads.relative(studentsFile));
            params.put("createdBy", auth.getName());
            params.put(JobUploads.PARAM, uploads.relative(dir));
            JobView job = JobView.of(jobs.submit(RosterImportStep.KIND, params, auth.getName()));
            handedToJob = true;
            return job;
        } finally {
            if (!handedToJob) {
                uploads.delete(dir);
            }
        }
    }

    @DeleteMapping("/api/datasets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        datasets.delete(id);
    }

    @GetMapping(value = "/api/datasets/{id}/schools.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> schools(@PathVariable long id) {
        datasets.get(id);
        return geo(GeoJsonWriter.toBytes(geoJson -> RosterLayers.writeSchools(repository.schools(id), geoJson)));
    }

    @GetMapping(value = "/api/datasets/{id}/students.geojson", produces = "application/geo+json")
    public ResponseEntity<byte[]> students(@PathVariable long id, HttpServletRequest request) {
        datasets.get(id);
        byte[] body = GeoJsonWriter.toBytes(geoJson -> RosterLayers.writeStudents(repository.students(id), geoJson));
        audit.record(request, AuditLog.Action.READ_HOMES, AuditLog.Subject.DATASET, id);
        return geo(body);
    }

    static ResponseEntity<byte[]> geo(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(body);
    }

    private static Path save(MultipartFile part, Path dir) throws IOException {
        String original = part.getOriginalFilename() == null ? "" : Path.of(part.getOriginalFilename()).getFileName().toString();
        if (original.isBlank() || original.startsWith(".")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the uploaded file has no name; name it e.g. students.csv");
        }
        if (original.length() > DatasetService.MAX_NAME_CHARS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the uploaded file's name is longer than " + DatasetService.MAX_NAME_CHARS
                    + " characters; rename it e.g. students.csv");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(original);
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
