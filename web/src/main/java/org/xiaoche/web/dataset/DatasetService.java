package org.xiaoche.web.dataset;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.NetworkArea;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import org.xiaoche.routing.roster.io.RosterReader;
import org.xiaoche.web.job.JobRefusedException;
import org.xiaoche.web.region.Region;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionService;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a schools file and a students file into a region as one dataset, with the engine's
 * roster readers and their validation. All or nothing: a file with any problem rejects the whole
 * upload with every problem listed, and nothing is stored. Students are stored in batches as they are
 * read, inside the one transaction of the dataset, so a large file is never held in memory at once.
 */
@Service
public class DatasetService {

    /** Students per batch insert: big enough for the database, small against the heap. */
    static final int STUDENT_BATCH = 5_000;
    /** Longest roster name, and file name, kept (the columns hold 200 and 300 characters). */
    public static final int MAX_NAME_CHARS = 200;
    public static final String STAGE_READ_SCHOOLS = "read schools";
    public static final String STAGE_STUDENTS = "read and store students";
    public static final String STAGE_COMMIT = "store roster";

    private final DatasetRepository datasets;
    private final RegionService regions;
    private final RegionNetworks networks;
    private final TransactionTemplate transaction;
    /** Progress is written beside the import's transaction, so others see it while the import runs. */
    private final TransactionTemplate besideTransaction;

    public DatasetService(DatasetRepository datasets, RegionService regions, RegionNetworks networks,
                          PlatformTransactionManager transactions) {
        this.datasets = datasets;
        this.regions = regions;
        this.networks = networks;
        this.transaction = new TransactionTemplate(transactions);
        this.besideTransaction = new TransactionTemplate(transactions);
        besideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Dataset get(long id) {
        return datasets.findById(id).orElseThrow(() -> ApiException.notFound("dataset", id));
    }

    /**
     * Imports at once (the demo, tests).
     *
     * @param schoolsFile  a CSV, XLSX or GeoJSON file whose name (extension) says its format
     * @param studentsFile likewise
     * @throws ApiException 422 with the problems when either file is rejected; 409 when the region is not ready
     */
    public Dataset importFiles(long regionId, String name, String coordinateSystem, Path schoolsFile, Path studentsFile,
                               String createdBy) throws IOException {
        try {
            return importFiles(regionId, name, parseCrs(coordinateSystem), schoolsFile, studentsFile, createdBy, ProgressListener.NONE);
        } catch (ImportRejectedException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, rejectedMessage(e), problems(e));
        }
    }

    /**
     * Imports in a job: progress by the bytes of the files read.
     *
     * @throws JobRefusedException with every problem when either file is rejected
     */
    public Dataset importInJob(long regionId, String name, CoordinateSystem crs, Path schoolsFile, Path studentsFile,
                               String createdBy, ProgressListener progress) throws IOException {
        try {
            return importFiles(regionId, name, crs, schoolsFile, studentsFile, createdBy, progress);
        } catch (ImportRejectedException e) {
            throw new JobRefusedException(rejectedMessage(e), problems(e));
        }
    }

    private Dataset importFiles(long regionId, String name, CoordinateSystem crs, Path schoolsFile, Path studentsFile,
                                String createdBy, ProgressListener progress) throws IOException, ImportRejectedException {
        Region region = regions.get(regionId);
        try (RegionNetworks.InUse inUse = networks.use(region)) {
            return store(region, inUse.network(), name, crs, schoolsFile, studentsFile, createdBy, progress);
        }
    }

    private Dataset store(Region region, RoadNetwork network, String name, CoordinateSystem crs, Path schoolsFile,
                          Path studentsFile, String createdBy, ProgressListener progress) throws IOException, ImportRejectedException {
        NetworkArea area = network.area(PlanningPolicy.defaults().maxOutsideArea_m());
        ProgressListener beside = (stage, fraction) -> besideTransaction.executeWithoutResult(s -> progress.progress(stage, fraction));
        beside.progress(STAGE_READ_SCHOOLS, 0);
        List<School> schools = RosterReader.readSchools(schoolsFile, crs, area);
        Map<String, School> byId = new LinkedHashMap<>();
        schools.forEach(s -> byId.putIfAbsent(s.id(), s));
        String datasetName = datasetName(name, schoolsFile, studentsFile);
        Long id;
        try {
            id = transaction.execute(status -> {
                long datasetId = datasets.insert(region.id(), datasetName, crs.name(), schoolsFile.getFileName().toString(),
                        studentsFile.getFileName().toString(), schools, createdBy);
                try {
                    long students = RosterReader.streamStudents(studentsFile, crs, area, byId, STUDENT_BATCH,
                            batch -> datasets.insertStudents(datasetId, batch), STAGE_STUDENTS, beside.slice(0.02, 0.97));
                    datasets.setStudentCount(datasetId, students);
                } catch (ImportRejectedException e) {
                    throw new Rejected(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                beside.progress(STAGE_COMMIT, 0.98);
                return datasetId;
            });
        } catch (Rejected e) {
            throw e.rejection;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return get(id);
    }

    /** The name given, or the two file names; cut to {@link #MAX_NAME_CHARS}. */
    private static String datasetName(String name, Path schoolsFile, Path studentsFile) {
        String full = name == null || name.isBlank() ? schoolsFile.getFileName() + " + " + studentsFile.getFileName() : name.trim();
        return full.codePointCount(0, full.length()) <= MAX_NAME_CHARS ? full
                : full.substring(0, full.offsetByCodePoints(0, MAX_NAME_CHARS - 1)) + "…";
    }

    /** Carries a rejection out of the transaction callback, rolling it back. */
    private static final class Rejected extends RuntimeException {
        final ImportRejectedException rejection;

        Rejected(ImportRejectedException rejection) {
            super(null, null, false, false);
            this.rejection = rejection;
        }
    }

    /** Deletes the dataset, its schools, its students and every result computed from them. */
    public void delete(long id) {
        if (!datasets.delete(id)) {
            throw ApiException.notFound("dataset", id);
        }
    }

    /** The coordinate system named, WGS-84 when none is. @throws ApiException 400 for an unknown name */
    public static CoordinateSystem parseCrs(String name) {
        try {
            return CoordinateSystem.parse(name == null || name.isBlank() ? "wgs84" : name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static String rejectedMessage(ImportRejectedException e) {
        String file = e.problems().isEmpty() ? "the upload" : e.problems().get(0).file();
        return file + " was rejected, nothing was imported: " + e.totalProblems() + (e.totalProblems() == 1 ? " problem" : " problems");
    }

    private static List<ApiError.Problem> problems(ImportRejectedException e) {
        return e.problems().stream().map(p -> ApiError.Problem.of(p, p.file())).toList();
    }
}
