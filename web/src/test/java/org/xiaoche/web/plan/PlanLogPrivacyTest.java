package org.xiaoche.web.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.dataset.DatasetRepository;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.region.RegionService;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs never contain student locations (DESIGN §5): the bundled demo county (3,000 synthetic
 * homes) is imported and planned through jobs with our code logging at DEBUG, and no student's
 * longitude or latitude, to 4 decimals (rounded or cut), appears anywhere in the output.
 */
@SpringBootTest(properties = "logging.level.org.xiaoche=debug")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class PlanLogPrivacyTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    RegionService regions;
    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetRepository datasetRepository;
    @Autowired
    JobService jobService;
    @Autowired
    JobRepository jobs;
    @Autowired
    PlanRepository plans;

    @Test
    void planningTheDemoCountyLogsNoStudentCoordinates(CapturedOutput output) throws Exception {
        Path dir = DemoCounty.extractTo(Files.createTempDirectory("log-privacy"));
        RegionService.Created created;
        try (InputStream osm = Files.newInputStream(dir.resolve(DemoCounty.OSM_FILE))) {
            created = regions.create("示范县", DemoCounty.OSM_FILE, osm, "test");
        }
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(120)).state());
        long datasetId = datasets.importFiles(created.region().id(), "demo", "wgs84", dir.resolve(DemoCounty.SCHOOLS_FILE),
                dir.resolve(DemoCounty.STUDENTS_FILE), "test").id();
        Job job = jobService.submit(PlanStep.KIND, Map.of("datasetId", Long.toString(datasetId)), "test");
        Job done = Fixtures.awaitFinished(jobs, job.id(), Duration.ofSeconds(180));
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        assertTrue(plans.countStudentRows(done.resultId()) > 100, "the plan has riders, so their homes were worked on");

        // GraphHopper logs the road graph's extent ("bounds: minLon,maxLon,minLat,maxLat"): public road
        // data, which homes at the county's edge can match to 4 decimals. Everything else is checked.
        String logged = output.getAll().replaceAll("bounds: [-0-9.,]+", "bounds: (road graph extent)");
        assertTrue(logged.contains("job " + job.id() + " (plan) succeeded"), "the log was captured");
        List<Student> students = datasetRepository.students(datasetId);
        assertEquals(3000, students.size());
        List<String> leaks = new ArrayList<>();
        for (Student s : students) {
            for (double value : new double[]{s.home().lon(), s.home().lat()}) {
                for (RoundingMode mode : new RoundingMode[]{RoundingMode.HALF_UP, RoundingMode.DOWN}) {
                    String text = BigDecimal.valueOf(value).setScale(4, mode).toPlainString();
                    if (logged.contains(text)) {
                        leaks.add(s.id() + ": " + text);
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), "student coordinates in the log: " + leaks.subList(0, Math.min(10, leaks.size())));
    }
}
