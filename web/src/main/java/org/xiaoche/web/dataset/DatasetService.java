package org.xiaoche.web.dataset;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.NetworkArea;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.roster.io.ImportProblem;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import org.xiaoche.routing.roster.io.RosterReader;
import org.xiaoche.web.region.Region;
import org.xiaoche.web.region.RegionNetworks;
import org.xiaoche.web.region.RegionService;
import org.xiaoche.web.system.ApiError;
import org.xiaoche.web.system.ApiException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a schools file and a students file into a region as one dataset, with the engine's
 * roster readers and their validation. All or nothing: a file with any problem rejects the whole
 * upload with every problem listed, and nothing is stored.
 */
@Service
public class DatasetService {

    private final DatasetRepository datasets;
    private final RegionService regions;
    private final RegionNetworks networks;
    private final TransactionTemplate transaction;

    public DatasetService(DatasetRepository datasets, RegionService regions, RegionNetworks networks, TransactionTemplate transaction) {
        this.datasets = datasets;
        this.regions = regions;
        this.networks = networks;
        this.transaction = transaction;
    }

    public Dataset get(long id) {
        return datasets.findById(id).orElseThrow(() -> ApiException.notFound("dataset", id));
    }

    /**
     * @param schoolsFile  a CSV, XLSX or GeoJSON file whose name (extension) says its format
     * @param studentsFile likewise
     * @throws ApiException 422 with the problems when either file is rejected; 409 when the region is not ready
     */
    public Dataset importFiles(long regionId, String name, String coordinateSystem, Path schoolsFile, Path studentsFile,
                               String createdBy) throws IOException {
        Region region = regions.get(regionId);
        CoordinateSystem crs = parseCrs(coordinateSystem);
        try (RegionNetworks.InUse inUse = networks.use(region)) {
            return importFiles(region, inUse.network(), name, crs, schoolsFile, studentsFile, createdBy);
        }
    }

    private Dataset importFiles(Region region, RoadNetwork network, String name, CoordinateSystem crs, Path schoolsFile,
                                Path studentsFile, String createdBy) throws IOException {
        long regionId = region.id();
        NetworkArea area = network.area(PlanningPolicy.defaults().maxOutsideArea_m());
        List<School> schools;
        List<Student> students;
        try {
            schools = RosterReader.readSchools(schoolsFile, crs, area);
            Map<String, School> byId = schools.stream().collect(Collectors.toMap(School::id, Function.identity(), (a, b) -> a));
            students = RosterReader.readStudents(studentsFile, crs, area, byId);
        } catch (ImportRejectedException e) {
            throw rejected(e);
        }
        String datasetName = name == null || name.isBlank() ? schoolsFile.getFileName() + " + " + studentsFile.getFileName() : name.trim();
        Long id = transaction.execute(status -> datasets.insert(regionId, datasetName, crs.name(),
                schoolsFile.getFileName().toString(), studentsFile.getFileName().toString(), schools, students, createdBy));
        return get(id);
    }

    /** Deletes the dataset, its schools, its students and every result computed from them. */
    public void delete(long id) {
        if (!datasets.delete(id)) {
            throw ApiException.notFound("dataset", id);
        }
    }

    private static CoordinateSystem parseCrs(String name) {
        try {
            return CoordinateSystem.parse(name == null || name.isBlank() ? "wgs84" : name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static ApiException rejected(ImportRejectedException e) {
        List<ApiError.Problem> problems = e.problems().stream().map(DatasetService::problem).toList();
        String file = e.problems().isEmpty() ? "the upload" : e.problems().get(0).file();
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, file + " was rejected, nothing was imported: "
                + e.totalProblems() + (e.totalProblems() == 1 ? " problem" : " problems"), problems);
    }

    private static ApiError.Problem problem(ImportProblem p) {
        return new ApiError.Problem(p.file(), p.line(), p.field(), p.reason());
    }
}
