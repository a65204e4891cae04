package org.xiaoche.web.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The map layers and run lists are kept in memory after the first read: a second read gives the
 * same bytes, the layers of one audience are not served to another, and once the plan is deleted
 * every one of them is 404 however recently it was read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StoredPlanCacheTest {

    static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");
    static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RegionService regions;
    @Autowired
    DatasetService datasets;
    @Autowired
    JobRepository jobs;
    @Autowired
    PlanStep planning;

    private byte[] read(String path, RequestPostProcessor who, int status) throws Exception {
        var response = mvc.perform(get(path).with(who)).andReturn().getResponse();
        assertEquals(status, response.getStatus(), path + ": " + response.getContentAsString());
        return response.getContentAsByteArray();
    }

    @Test
    void layersAreKeptPerAudienceAndGoneWithTheirPlan() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("cache");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students.csv"));
        long datasetId = datasets.importFiles(created.region().id(), "d", "wgs84", dir.resolve("schools.csv"),
                dir.resolve("students.csv"), "setup").id();
        long planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
        String base = "/api/plans/" + planId;

        byte[] routes = read(base + "/routes.geojson", VIEWER, 200);
        assertTrue(new String(routes, java.nio.charset.StandardCharsets.UTF_8).contains("\"run_id\""));
        assertArrayEquals(routes, read(base + "/routes.geojson", VIEWER, 200), "the kept layer is the one first written");
        assertArrayEquals(routes, read(base + "/routes.geojson", PLANNER, 200), "planners and viewers see the same counts");
        byte[] stops = read(base + "/stops.geojson", VIEWER, 200);
        assertTrue(new String(stops, java.nio.charset.StandardCharsets.UTF_8).contains("\"stop_id\""));
        read(base + "/runs", VIEWER, 200);

        assertEquals(204, mvc.perform(delete(base).with(PLANNER).with(csrf())).andReturn().getResponse().getStatus());
        for (String path : new String[]{"/routes.geojson", "/stops.geojson", "/runs", ""}) {
            read(base + path, VIEWER, 404);
        }
    }
}
