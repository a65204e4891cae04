package org.xiaoche.web.map;

import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fixture village of the browser tests: its region imported, and rosters of its one school. */
final class Village {

    private Village() {
    }

    /** Imports the village's roads as region "村 Village"; returns the region's id once it is ready. */
    static long importRegion(RegionService regions, JobRepository jobs, String createdBy) throws Exception {
        RegionService.Created created = regions.create("村 Village", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), createdBy);
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        return created.region().id();
    }

    /** Imports the village school with the students of a fixture file; returns the roster's id. */
    static long importRoster(DatasetService datasets, long regionId, String name, String studentsFixture, String createdBy)
            throws Exception {
        Path dir = Files.createTempDirectory("village");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture(studentsFixture));
        return datasets.importFiles(regionId, name, "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), createdBy).id();
    }

    /** The region with the crowd roster planned on ten 19-seat buses (several runs share one road). */
    record CrowdPlan(long regionId, long planId) {
    }

    static CrowdPlan crowdPlan(RegionService regions, DatasetService datasets, JobRepository jobs,
                               org.xiaoche.web.eligibility.EligibilityStep eligibility,
                               org.xiaoche.web.plan.PlanStep planning) throws Exception {
        long regionId = importRegion(regions, jobs, "planner");
        long datasetId = importRoster(datasets, regionId, "crowd", "students-crowd.csv", "planner");
        eligibility.compute(datasetId, org.xiaoche.routing.policy.PlanningPolicy.defaults(), null,
                org.xiaoche.routing.progress.ProgressListener.NONE);
        long planId = planning.compute(datasetId, new org.xiaoche.routing.fleet.Fleet(java.util.List.of(
                        new org.xiaoche.routing.fleet.BusType("bus19", 19, 450, 2.2, 10)), java.util.List.of()),
                org.xiaoche.routing.policy.PlanningPolicy.defaults(), null, "planner",
                org.xiaoche.routing.progress.ProgressListener.NONE);
        return new CrowdPlan(regionId, planId);
    }
}
