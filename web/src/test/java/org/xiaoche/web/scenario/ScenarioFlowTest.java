package org.xiaoche.web.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
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
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Scenarios through the API on a hand-made village: a 3.3 km road with the village school S1 at its
 * west end and the teaching point S2 (three pupils, all within a short walk) at its east end. Closing
 * S2 into S1 puts its three pupils 2.8–3.1 km from school, beyond the 2 km walk threshold: by hand,
 * needing transport goes from 1 (P2) to 4, walkers from 4 to 1. The same closure with a 2-minute cap
 * for young pupils cannot be met (the wait at the stop alone is 2 minutes): infeasible under 应留必留.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioFlowTest {

    static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");
    static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");
    static final RequestPostProcessor OPERATOR = user("otto").roles("OPERATOR");
    static final Set<String> STUDENT_IDS = Set.of("P1", "P2", "Q1", "Q2", "Q3");

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

    long baselinePlanId;
    long regionId;

    JsonNode call(RequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        assertEquals(expectedStatus, response.getStatus(), body);
        return body.isEmpty() ? null : json.readTree(body);
    }

    byte[] bytes(RequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertEquals(200, response.getStatus(), response.getContentAsString());
        return response.getContentAsByteArray();
    }

    Job await(long jobId) throws InterruptedException {
        Job done = Fixtures.awaitFinished(jobs, jobId, Duration.ofSeconds(120));
        assertEquals(JobState.SUCCEEDED, done.state(), done.message());
        return done;
    }

    @BeforeAll
    void baselinePlan() throws Exception {
        JsonNode region = call(multipart("/api/regions").file(Fixtures.osmPart()).param("name", "村 Village")
                .with(PLANNER).with(csrf().asHeader()), 202);
        await(region.at("/job/id").asLong());
        regionId = region.at("/region/id").asLong();
        long datasetId = Fixtures.uploadRoster(mvc, jobs, multipart("/api/regions/" + region.at("/region/id").asLong() + "/datasets")
                .file(new MockMultipartFile("schools", "schools.csv", "text/csv", WebTestSupport.fixture("scenario-schools.csv")))
                .file(new MockMultipartFile("students", "students.csv", "text/csv", WebTestSupport.fixture("scenario-students.csv"))),
                PLANNER).datasetId();
        JsonNode job = call(post("/api/plans").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": " + datasetId + "}").with(PLANNER).with(csrf().asHeader()), 202);
        baselinePlanId = await(job.get("id").asLong()).resultId();
    }

    JsonNode create(String body, int status) throws Exception {
        return call(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON).content(body).with(PLANNER)
                .with(csrf().asHeader()), status);
    }

    long createAndRun(String body) throws Exception {
        long id = create(body, 201).get("id").asLong();
        JsonNode job = call(post("/api/scenarios/" + id + "/run").with(PLANNER).with(csrf().asHeader()), 202);
        assertEquals(ScenarioStep.RESULT_TYPE, await(job.get("id").asLong()).resultType());
        return id;
    }

    @Test
    void badScenariosAreRefusedNamingTheField() throws Exception {
        JsonNode unknown = create("{\"name\": \"x\", \"baselinePlanId\": " + baselinePlanId
                + ", \"closures\": [{\"schoolId\": \"S9\"}, {\"schoolId\": \"S2\", \"receivingSchoolId\": \"S7\"}]}", 422);
        List<String> fields = new ArrayList<>();
        unknown.get("problems").forEach(p -> fields.add(p.get("field").asText()));
        assertEquals(List.of("closures[0].schoolId", "closures[1].receivingSchoolId"), fields, unknown.toString());
        assertTrue(unknown.get("message").asText().contains("S9"), unknown.toString());

        JsonNode times = create("{\"name\": \"x\", \"baselinePlanId\": " + baselinePlanId
                + ", \"timeChanges\": [{\"schoolId\": \"S1\", \"bellTime\": \"8h\", \"dismissalTime\": \"16:00\"}]}", 422);
        assertEquals("timeChanges[0].bellTime", times.at("/problems/0/field").asText(), times.toString());
        JsonNode noPlan = create("{\"name\": \"x\", \"baselinePlanId\": 99999, \"closures\": [{\"schoolId\": \"S2\"}]}", 422);
        assertEquals("baselinePlanId", noPlan.at("/problems/0/field").asText());
        JsonNode policy = create("{\"name\": \"x\", \"baselinePlanId\": " + baselinePlanId
                + ", \"policy\": {\"rideCap_s\": -5}}", 422);
        assertEquals("policy", policy.at("/problems/0/field").asText());
        JsonNode fleet = create("{\"name\": \"x\", \"baselinePlanId\": " + baselinePlanId
                + ", \"fleet\": {\"available\": {\"bus99\": 3, \"bus19\": -1}}}", 422);
        assertEquals(List.of("fleet.available.bus19", "fleet.available.bus99"),
                List.of(fleet.at("/problems/0/field").asText(), fleet.at("/problems/1/field").asText()), fleet.toString());
    }

    @Test
    void closingTheTeachingPointIsComparedWithTheBaseline() throws Exception {
        long id = createAndRun("{\"name\": \"撤并东头教学点\", \"baselinePlanId\": " + baselinePlanId
                + ", \"closures\": [{\"schoolId\": \"S2\", \"receivingSchoolId\": \"S1\"}]}");
        JsonNode scenario = call(get("/api/scenarios/" + id).with(VIEWER), 200);
        assertEquals("done", scenario.get("state").asText());
        assertTrue(scenario.get("feasible").asBoolean(), scenario.toString());
        long planId = scenario.get("planId").asLong();
        JsonNode plan = call(get("/api/plans/" + planId).with(PLANNER), 200);
        assertTrue(plan.get("valid").asBoolean(), "the scenario's plan passes the validator: " + plan);
        assertEquals(4, plan.get("needingTransport").asInt());
        assertEquals(1, call(get("/api/scenarios?planId=" + baselinePlanId).with(VIEWER), 200).findValues("id").stream()
                .filter(n -> n.asLong() == id).count());

        JsonNode view = call(get("/api/scenarios/" + id + "/comparison").with(PLANNER), 200);
        JsonNode c = view.get("comparison");
        assertEquals(1, c.at("/baseline/needingTransport").asInt());
        assertEquals(4, c.at("/baseline/walkers").asInt());
        JsonNode s = c.at("/scenarios/0");
        assertEquals(4, s.at("/figures/needingTransport").asInt());
        assertEquals(1, s.at("/figures/walkers").asInt());
        assertEquals(3, s.at("/differences/needingTransport").asInt());
        assertEquals(-3, s.at("/differences/walkers").asInt());
        assertEquals("S2", s.at("/closedSchools/0/schoolId").asText());
        assertEquals(3, s.at("/closedSchools/0/studentsMoved").asInt());
        assertEquals(2, s.at("/closedSchools/0/youngPupilsMoved").asInt());
        assertEquals("S1", s.at("/receivingSchools/0/schoolId").asText());
        assertEquals(5, s.at("/receivingSchools/0/enrolment").asInt());
        // No beds or canteen seats given: "unknown", never "enough", and the comparison says so.
        assertEquals("unknown", s.at("/receivingSchools/0/canteenStatus").asText());
        assertTrue(view.get("warnings").findValues("kind").stream().anyMatch(k -> k.asText().equals("CANTEEN_UNKNOWN")),
                view.toString());
        assertTrue(s.at("/plannerOnly/largestJourneyChanges").size() > 0, "planners see whose journey changed");

        JsonNode histograms = call(get("/api/scenarios/" + id + "/histograms").with(VIEWER), 200);
        int young = 0;
        for (JsonNode n : histograms.at("/bands/1-3/scenario")) {
            young += n.asInt();
        }
        assertEquals(3, young, "P1 walks, Q1 and Q2 ride: three young journeys " + histograms);
        assertEquals(s.at("/figures/journeysByGradeBand/1-3/students").asInt(), young);

        // Viewers: aggregates only, no student ids; operators: nothing.
        JsonNode viewer = call(get("/api/scenarios/" + id + "/comparison").with(VIEWER), 200);
        assertEquals(0, viewer.at("/comparison/scenarios/0/plannerOnly/largestJourneyChanges").size());
        for (String sid : STUDENT_IDS) {
            assertFalse(viewer.toString().contains("\"" + sid + "\""), "viewer sees " + sid);
        }
        call(get("/api/scenarios/" + id + "/affected.geojson").with(VIEWER), 403);
        call(get("/api/scenarios/" + id).with(OPERATOR), 403);
        call(get("/api/scenarios").with(OPERATOR), 403);
        call(post("/api/scenarios/" + id + "/run").with(VIEWER).with(csrf().asHeader()), 403);

        JsonNode affected = call(get("/api/scenarios/" + id + "/affected.geojson").with(PLANNER), 200);
        Set<String> moved = new TreeSet<>();
        affected.get("features").forEach(f -> moved.add(f.at("/properties/student_id").asText()));
        assertEquals(Set.of("Q1", "Q2", "Q3"), moved);

        // The same scenario run again gives the identical comparison.
        call(post("/api/scenarios/" + id + "/run").with(PLANNER).with(csrf().asHeader()), 202);
        JsonNode again = call(get("/api/scenarios/" + id).with(PLANNER), 200);
        Job rerun = await(again.get("jobId").asLong());
        assertEquals(id, rerun.resultId());
        JsonNode secondView = call(get("/api/scenarios/" + id + "/comparison").with(PLANNER), 200);
        assertEquals(view.get("comparison"), secondView.get("comparison"));
        long secondPlanId = call(get("/api/scenarios/" + id).with(PLANNER), 200).get("planId").asLong();
        call(get("/api/plans/" + planId).with(PLANNER), 404);

        call(delete("/api/scenarios/" + id).with(PLANNER).with(csrf().asHeader()), 204);
        call(get("/api/scenarios/" + id).with(PLANNER), 404);
        call(get("/api/plans/" + secondPlanId).with(PLANNER), 404);
    }

    @Test
    void bedsAndCanteenSeatsGivenInTheSchoolsFileReachTheComparison() throws Exception {
        // The same roster, the village school with 寄宿床位 / 食堂座位 columns: 10 beds, 2 canteen seats.
        String schools = new String(WebTestSupport.fixture("scenario-schools.csv"), java.nio.charset.StandardCharsets.UTF_8)
                .lines().map(line -> line.startsWith("school_id") ? line + ",寄宿床位,食堂座位"
                        : line.startsWith("S1,") ? line + ",10,2" : line + ",,").collect(java.util.stream.Collectors.joining("\n"));
        long datasetId = Fixtures.uploadRoster(mvc, jobs, multipart("/api/regions/" + regionId + "/datasets")
                .file(new MockMultipartFile("schools", "schools.csv", "text/csv", schools.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("students", "students.csv", "text/csv", WebTestSupport.fixture("scenario-students.csv"))),
                PLANNER).datasetId();
        JsonNode job = call(post("/api/plans").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": " + datasetId + "}").with(PLANNER).with(csrf().asHeader()), 202);
        long planId = await(job.get("id").asLong()).resultId();
        long id = createAndRun("{\"name\": \"有床位\", \"baselinePlanId\": " + planId
                + ", \"closures\": [{\"schoolId\": \"S2\", \"receivingSchoolId\": \"S1\"}]}");
        JsonNode s = call(get("/api/scenarios/" + id + "/comparison").with(PLANNER), 200).at("/comparison/scenarios/0");
        JsonNode receiving = s.at("/receivingSchools/0");
        assertEquals("S1", receiving.get("schoolId").asText());
        assertEquals(2, receiving.get("canteenSeats").asInt(), receiving.toString());
        assertEquals(10, receiving.get("boardingBeds").asInt(), receiving.toString());
        assertTrue(!"unknown".equals(receiving.get("bedsStatus").asText()), "beds are known: " + receiving);
        assertTrue(!"unknown".equals(receiving.get("canteenStatus").asText()), "seats are known: " + receiving);
    }

    @Test
    void aScenarioWithFewerBusesPlansWithThatFleet() throws Exception {
        JsonNode baseline = call(get("/api/plans/" + baselinePlanId).with(PLANNER), 200);
        assertEquals(0, baseline.get("busesBeyondFleet").asInt(), baseline.toString());
        long id = createAndRun("{\"name\": \"无车可用\", \"baselinePlanId\": " + baselinePlanId
                + ", \"fleet\": {\"available\": {\"bus19\": 0, \"bus35\": 0, \"bus56\": 0}}}");
        long planId = call(get("/api/scenarios/" + id).with(PLANNER), 200).get("planId").asLong();
        JsonNode plan = call(get("/api/plans/" + planId).with(PLANNER), 200);
        assertTrue(plan.get("buses").asInt() > 0, plan.toString());
        assertEquals(plan.get("buses").asInt(), plan.get("busesBeyondFleet").asInt(),
                "with no bus available every bus the plan needs is beyond the fleet: " + plan);
        assertFalse(plan.get("coverageComplete").asBoolean(), plan.toString());
        for (JsonNode type : plan.at("/inputs/fleet/busTypes")) {
            assertEquals(0, type.get("available").asInt(), "the scenario's plan records the fleet it used: " + type);
        }
    }

    @Test
    void aClosureOverTheYoungPupilsCapIsInfeasibleAndSaysSoFirst(@TempDir Path tmp) throws Exception {
        long nearest = createAndRun("{\"name\": \"就近\", \"baselinePlanId\": " + baselinePlanId
                + ", \"closures\": [{\"schoolId\": \"S2\"}]}");
        long strict = createAndRun("{\"name\": \"两分钟上限\", \"baselinePlanId\": " + baselinePlanId
                + ", \"closures\": [{\"schoolId\": \"S2\"}], \"policy\": {\"journeyCapGrades1to3_s\": 120}}");
        assertFalse(call(get("/api/scenarios/" + strict).with(PLANNER), 200).get("feasible").asBoolean());

        JsonNode both = call(get("/api/scenarios/comparison?ids=" + nearest + "," + strict).with(VIEWER), 200);
        assertEquals(2, both.at("/comparison/scenarios").size());
        assertEquals("YOUNG_OVER_CAP", both.at("/warnings/0/kind").asText(), both.toString());
        assertEquals("两分钟上限", both.at("/warnings/0/scenario").asText());
        assertEquals(2, both.at("/warnings/0/count").asInt(), "Q1 and Q2 are the young pupils moved");
        assertTrue(both.at("/comparison/scenarios/0/verdict/feasible").asBoolean());
        assertFalse(both.at("/comparison/scenarios/1/verdict/feasible").asBoolean());

        // The printable report: Chinese text that extracts, fonts embedded, renders, and no student id.
        byte[] pdf = bytes(get("/api/scenarios/" + strict + "/report.pdf").with(VIEWER));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("学校撤并方案比较报告"), text);
            assertTrue(text.contains("东头教学点"), text);
            assertTrue(text.contains("East Teaching Point ?"), "a character the font lacks is drawn as ?: " + text);
            assertTrue(text.contains("应留必留"), text);
            assertTrue(text.contains("结论：不可行"), text);
            for (String sid : STUDENT_IDS) {
                assertFalse(text.contains(sid), "the report names student " + sid);
            }
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
            }
        }
        Path file = tmp.resolve("report.pdf");
        Files.write(file, pdf);
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", file.toString(),
                tmp.resolve("page").toString()).redirectErrorStream(true).start();
        assertEquals(0, render.waitFor(), new String(render.getInputStream().readAllBytes()));
        Path png;
        try (var pages = Files.list(tmp)) {
            png = pages.filter(p -> p.getFileName().toString().endsWith(".png")).findFirst().orElseThrow();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 500, "the page shows text: " + dark + " dark pixels");
    }
}
