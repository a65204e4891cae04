package org.xiaoche.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bad input through the API: an unreadable OSM upload fails its import job within seconds with one message
 * and leaves no staging folder; an over-long student id is a 422 naming the line; a fleet with a depot in
 * the sea is refused before any job starts; refused settings carry their problems coded (setting, code, values).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BadInputTest {

    private static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JobRepository jobs;
    @Autowired
    XiaocheProperties properties;

    private JsonNode call(RequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        assertEquals(expectedStatus, response.getStatus(), body);
        return body.isEmpty() ? null : json.readTree(body);
    }

    @Test
    void truncatedPbfUploadFailsItsImportJobWithinSeconds() throws Exception {
        byte[] cut = {0, 0, 0, 14, 10, 9, 'O', 'S', 'M', 'H', 'e', 'a', 'd', 'e', 'r', 24, (byte) 0xd0, 0x01,
                16, 1, 26, 12, 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'};
        JsonNode created = call(multipart("/api/regions").file(new MockMultipartFile("osm", "cut.osm.pbf",
                "application/octet-stream", cut)).param("name", "cut").with(PLANNER).with(csrf().asHeader()), 202);
        Job job = Fixtures.awaitFinished(jobs, created.at("/job/id").asLong(), Duration.ofSeconds(20));
        assertEquals(JobState.FAILED, job.state(), job.message());
        assertTrue(job.message().startsWith("cannot import OSM file ") && job.message().contains("the file is truncated"),
                job.message());
        if (Files.isDirectory(properties.graphCacheDir())) {
            try (Stream<java.nio.file.Path> left = Files.list(properties.graphCacheDir())) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains(".importing-")).toList());
            }
        }
    }

    @Test
    void overLongStudentIdIsA422NamingTheLineAndSeaDepotIsRefused() throws Exception {
        JsonNode created = call(multipart("/api/regions").file(Fixtures.osmPart()).param("name", "村")
                .with(PLANNER).with(csrf().asHeader()), 202);
        long regionId = created.at("/region/id").asLong();
        Job imported = Fixtures.awaitFinished(jobs, created.at("/job/id").asLong(), Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, imported.state(), imported.message());

        String students = "student_id,school_id,grade,lon,lat\n" + "P".repeat(5_000) + ",S1,2,0.005,0.0001\n";
        JsonNode rejected = Fixtures.uploadRoster(mvc, jobs, multipart("/api/regions/" + regionId + "/datasets").file(Fixtures.schoolsPart())
                .file(new MockMultipartFile("students", "students.csv", "text/csv", students.getBytes(StandardCharsets.UTF_8))),
                PLANNER).view();
        JsonNode problem = rejected.at("/problems/0");
        assertEquals(2, problem.get("line").asInt(), rejected.toString());
        assertEquals("student_id", problem.get("field").asText(), rejected.toString());
        assertTrue(problem.get("reason").asText().contains("at most 64 allowed"), rejected.toString());

        long datasetId = Fixtures.uploadRoster(mvc, jobs, multipart("/api/regions/" + regionId + "/datasets")
                .file(Fixtures.schoolsPart()).file(Fixtures.studentsPart("students.csv")), PLANNER).datasetId();
        String fleet = "{\"busTypes\":[{\"id\":\"bus19\",\"seats\":19}],\"depots\":[{\"id\":\"D-sea\",\"lon\":123.5,\"lat\":36.0}]}";
        JsonNode refused = call(multipart("/api/plans").file(new MockMultipartFile("fleet", "sea-fleet.json",
                "application/json", fleet.getBytes(StandardCharsets.UTF_8)))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader()), 400);
        assertTrue(refused.get("message").asText().startsWith("sea-fleet.json: depot D-sea (123.50000, 36.00000) is outside the region"),
                refused.toString());
        // The same refusal coded for the page: the planner's file, the depot and the distance, no coordinates to translate.
        JsonNode sea = refused.at("/problems/0");
        assertEquals(List.of("sea-fleet.json", "depot-outside-region", "[\"D-sea\",\"3000\"]"),
                List.of(sea.get("file").asText(), sea.get("code").asText(), sea.get("args").toString()), refused.toString());

        // a fleet file that does not read: named as the planner named it, never by our stored copy
        JsonNode broken = call(multipart("/api/plans").file(new MockMultipartFile("fleet", "broken-fleet.json",
                "application/json", "{\"busTypes\": [".getBytes(StandardCharsets.UTF_8)))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader()), 400);
        assertEquals("invalid-file", broken.get("code").asText(), broken.toString());
        assertTrue(broken.get("message").asText().startsWith("broken-fleet.json: "), broken.toString());
        assertFalse(broken.get("message").asText().matches("(?s).*(fleet-[0-9]|uploads|/tmp/|xiaoche-web-test).*"), broken.toString());
        assertEquals("broken-fleet.json", broken.at("/problems/0/file").asText(), broken.toString());
        assertEquals("json-ends-early", broken.at("/problems/0/code").asText(), broken.toString());

        // A policy value out of bounds names the setting; so does an eligibility threshold the policy would refuse.
        JsonNode cap = call(multipart("/api/plans").file(new MockMultipartFile("policy", "policy.json", "application/json",
                "{\"routes\": {\"rideCap_s\": 20000}}".getBytes(StandardCharsets.UTF_8)))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader()), 400);
        assertEquals(List.of("routes.rideCap_s", "above-max", "[\"10800\",\"20000\"]"), List.of(cap.at("/problems/0/field").asText(),
                cap.at("/problems/0/code").asText(), cap.at("/problems/0/args").toString()), cap.toString());
        for (String threshold : List.of("0", "1e6")) {
            JsonNode walk = call(post("/api/eligibility-runs").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"datasetId\": " + datasetId + ", \"walkThreshold_m\": " + threshold + "}")
                    .with(PLANNER).with(csrf().asHeader()), 400);
            assertEquals("invalid-settings", walk.get("code").asText(), walk.toString());
            assertEquals("walkThreshold_m", walk.at("/problems/0/field").asText(), walk.toString());
            assertEquals(threshold.equals("0") ? "not-positive" : "above-max", walk.at("/problems/0/code").asText(), walk.toString());
        }
        JsonNode empty = call(multipart("/api/plans").file(new MockMultipartFile("policy", "policy.json", "application/json", new byte[0]))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader()), 400);
        assertEquals("empty-file", empty.at("/problems/0/code").asText(), empty.toString());
    }
}
