package org.xiaoche.web.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.scenario.Candidates;
import org.xiaoche.routing.scenario.ClosureEffect;
import org.xiaoche.routing.scenario.ClosureOption;
import org.xiaoche.routing.scenario.LayoutEvaluator;
import org.xiaoche.routing.scenario.LayoutOptimiser;
import org.xiaoche.routing.scenario.LayoutPoint;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.PostgisTestDatabase;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.XiaocheWebApplication;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two app instances on one PostgreSQL schema share a layout optimisation: five teaching points next to the
 * village school, each with pupils 2 km away who ride a bus of their own (closing one saves a bus and
 * lengthens its pupils' ride: a trade-off). The closures are measured as jobs on the shared queue that either instance may claim;
 * instance A runs one job at a time, so while it runs the optimisation (the search, and the re-planning of every point)
 * the measurements are B's to take (A measures one itself only if B leaves it waiting 10 s): both evaluate. The Pareto set
 * is the one a single process finds by measuring every closure itself with the same evaluator. Every
 * returned point with a closure is a scenario re-planned in full whose plan passes the validator.
 */
@SpringBootTest(properties = {"xiaoche.instance-name=instance-a", "xiaoche.jobs.threads=1"})
@ActiveProfiles("test")
@DisabledIfEnvironmentVariable(named = PostgisTestDatabase.SKIP_VARIABLE, matches = "1")
class TwoInstanceLayoutTest {

    static final List<String> CANDIDATES = List.of("S2", "S3", "S4", "S5", "S6");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        PostgisTestDatabase.use("layout_two_instances", r);
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    Environment env;
    @Autowired
    RegionService regions;
    @Autowired
    DatasetService datasets;
    @Autowired
    PlanStep planning;
    @Autowired
    PlanRepository plans;
    @Autowired
    JobRepository jobs;
    @Autowired
    JobService jobService;
    @Autowired
    LayoutRepository layouts;
    @Autowired
    ScenarioRepository scenarios;
    @Autowired
    ScenarioBaselines baselines;
    @Autowired
    ObjectMapper json;

    /** The second instance: the same database schema and data folder, its own name and job threads. */
    ConfigurableApplicationContext secondInstance() {
        // As command-line arguments: they override the test profile's in-memory database.
        return new SpringApplicationBuilder(XiaocheWebApplication.class).profiles("test").run(
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + env.getProperty("spring.flyway.schemas"),
                "--spring.flyway.default-schema=" + env.getProperty("spring.flyway.default-schema"),
                "--xiaoche.data-dir=" + env.getProperty("xiaoche.data-dir"),
                "--xiaoche.instance-name=instance-b",
                "--server.port=0");
    }

    @Test
    void twoInstancesShareTheMeasurementsAndFindTheOneInstanceParetoSet() throws Exception {
        RegionService.Created created = regions.create("村 Village", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("layout");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("layout-schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("layout-students.csv"));
        long datasetId = datasets.importFiles(created.region().id(), "d", "wgs84", dir.resolve("schools.csv"),
                dir.resolve("students.csv"), "setup").id();
        long planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);

        JsonNode result;
        try (ConfigurableApplicationContext b = secondInstance()) {
            long runId = layouts.insert(planId, "两个实例", CANDIDATES, "pia");
            Job job = jobService.submit(LayoutStep.KIND, Map.of("layoutRunId", Long.toString(runId), "createdBy", "pia"), "pia");
            Job done = Fixtures.awaitFinished(jobs, job.id(), Duration.ofSeconds(600));
            assertEquals(JobState.SUCCEEDED, done.state(), done.message());
            result = json.readTree(layouts.findById(runId).orElseThrow().result());
            List<String> workers = new ArrayList<>();
            layouts.effects(runId).forEach(e -> workers.add(e.worker()));
            assertEquals(5, workers.size());
            // A, which submitted it, runs the optimisation at once on its only job thread; B takes measurements.
            assertTrue(done.worker().startsWith("instance-a"), "the optimisation ran on A: " + done.worker());
            assertTrue(List.of("instance-a", "instance-b").containsAll(workers), "measured by the two instances: " + workers);
            assertTrue(workers.contains("instance-b"), "B measured closures of A's optimisation: " + workers);
        }

        // One process, no queue: every closure measured in turn, the same evaluator and search.
        ScenarioBaselines.Loaded loaded = baselines.load(planId, ProgressListener.NONE);
        List<ClosureOption> options = Candidates.options(loaded.baseline().input(),
                loaded.runner().schoolTimes(loaded.baseline().input().schools()), CANDIDATES, 1);
        List<ClosureEffect> effects = new ArrayList<>();
        for (ClosureOption o : options) {
            effects.add(Candidates.measure(loaded.runner(), loaded.baseline(), o, ProgressListener.NONE));
        }
        List<LayoutPoint> alone = LayoutOptimiser.thin(new LayoutOptimiser(LayoutOptimiser.Settings.defaults())
                .search(LayoutEvaluator.of(loaded.baseline(), effects), ProgressListener.NONE), LayoutStep.MAX_POINTS);

        JsonNode points = result.get("points");
        assertEquals(alone.size(), points.size(), result.toString());
        assertTrue(alone.size() >= 2, "a trade-off, not one answer: " + result);
        for (int i = 0; i < alone.size(); i++) {
            JsonNode p = points.get(i);
            assertEquals(alone.get(i).choice().key(), p.get("key").asText());
            assertEquals(alone.get(i).yearlyCost(), p.get("yearlyCost").asDouble());
            assertEquals(alone.get(i).meanJourney_s(), p.get("meanJourney_s").asDouble());
            assertEquals(alone.get(i).p90Journey_s(), p.get("p90Journey_s").asDouble());
            if (!p.get("key").asText().isEmpty()) {
                StoredScenario s = scenarios.findById(p.get("scenarioId").asLong()).orElseThrow();
                assertTrue(plans.findById(s.planId()).orElseThrow().valid(), "point " + p + " re-planned and valid");
            }
        }
    }
}
