package org.xiaoche.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.corpus.InputCase;
import org.xiaoche.corpus.MalformedInputs;
import org.xiaoche.demodata.DemoCounty;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.system.XiaocheProperties;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The corpus of awkward and malformed inputs through the API, as a planner uploads them: rosters to
 * {@code POST /api/regions/{id}/datasets} (an import job), policy and fleet files to {@code POST /api/plans},
 * OSM extracts to {@code POST /api/regions}. Each imports, or ends with a clear error (the file, the line
 * and field of a roster problem, a reason; no stack trace, no Java class name, no student's home) within
 * two minutes, with nothing half-stored and no upload copy left behind.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputCorpusApiTest {

    private static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");
    private static final Pattern TECHNICAL = Pattern.compile("\\tat |Exception|\\b(?:java|javax|org|com)\\.[a-z]+\\.|\\$[A-Z]");
    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

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
    JdbcTemplate jdbc;
    @Autowired
    XiaocheProperties properties;

    private long regionId;
    private long datasetId;

    @BeforeAll
    void demoRegionAndRoster() throws Exception {
        byte[] osm;
        try (InputStream in = DemoCounty.open(DemoCounty.OSM_FILE)) {
            osm = in.readAllBytes();
        }
        JsonNode created = post(multipart("/api/regions").file(new MockMultipartFile("osm", DemoCounty.OSM_FILE, "application/gzip", osm))
                .param("name", "示范县"), 202);
        Job imported = Fixtures.awaitFinished(jobs, created.at("/job/id").asLong(), Duration.ofMinutes(3));
        assertEquals(JobState.SUCCEEDED, imported.state(), imported.message());
        regionId = created.at("/region/id").asLong();
        datasetId = Fixtures.uploadRoster(mvc, jobs, rosterRequest(MalformedInputs.schoolsCsv(), "schools.csv",
                MalformedInputs.studentsCsv(), "students.csv"), PLANNER).datasetId();
    }

    Stream<InputCase> corpus() {
        return MalformedInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void importsOrGivesOneClearError(InputCase input) throws Exception {
        Map<String, Long> before = counts();
        switch (input.target()) {
            case SCHOOLS, STUDENTS -> roster(input, before);
            case POLICY, FLEET -> planInput(input, before);
            case OSM -> osm(input);
        }
        assertNoUploadCopies();
    }

    private void roster(InputCase input, Map<String, Long> before) throws Exception {
        boolean schools = input.target() == InputCase.Target.SCHOOLS;
        Fixtures.RosterUpload upload = Fixtures.uploadRoster(mvc, jobs, rosterRequest(
                schools ? input.content() : MalformedInputs.schoolsCsv(), schools ? input.fileName() : "schools.csv",
                schools ? MalformedInputs.studentsCsv() : input.content(), schools ? "students.csv" : input.fileName()), PLANNER);
        if (input.imports()) {
            upload.datasetId();
            assertEquals(before.get("dataset") + 1, counts().get("dataset"));
            return;
        }
        assertEquals(JobState.FAILED, upload.job().state(), upload.view().toString());
        String text = upload.view().toString();
        assertTrue(upload.view().get("message").asText().startsWith(input.fileName() + " was rejected"), text);
        assertFalse(TECHNICAL.matcher(text).find(), "no stack trace or class name: " + text);
        if (!schools) {
            MalformedInputs.HOME_COORDINATES.forEach(c -> assertFalse(text.contains(c), "no home in " + text));
        }
        JsonNode first = upload.problems().get(0);
        assertEquals(input.fileName(), first.get("file").asText(), text);
        assertFalse(first.get("code").asText().isEmpty(), text);
        if (input.line() >= 0) {
            assertEquals(input.line(), first.get("line").asLong(), text);
        }
        if (input.field() != null) {
            assertEquals(input.field(), first.get("field").asText(), text);
        }
        assertEquals(before, counts(), "nothing stored");
    }

    private void planInput(InputCase input, Map<String, Long> before) throws Exception {
        String part = input.target() == InputCase.Target.FLEET ? "fleet" : "policy";
        var request = multipart("/api/plans").file(new MockMultipartFile(part, input.fileName(), "application/json", input.content()))
                .param("datasetId", Long.toString(datasetId)).with(PLANNER).with(csrf().asHeader());
        var response = mvc.perform(request).andReturn().getResponse();
        JsonNode body = json.readTree(response.getContentAsString());
        if (input.imports()) {
            assertEquals(202, response.getStatus(), body.toString());
            Job planned = Fixtures.awaitFinished(jobs, body.get("id").asLong(), TWO_MINUTES);
            assertEquals(JobState.SUCCEEDED, planned.state(), planned.message());
            return;
        }
        assertEquals(400, response.getStatus(), body.toString());
        String message = body.get("message").asText();
        assertTrue(message.startsWith(input.fileName() + ": "), message);
        assertFalse(TECHNICAL.matcher(message).find(), "no stack trace or class name: " + message);
        assertEquals(before, counts(), "nothing stored");
    }

    private void osm(InputCase input) throws Exception {
        JsonNode created = post(multipart("/api/regions").file(new MockMultipartFile("osm", input.fileName(), "application/octet-stream",
                input.content())).param("name", input.name()), 202);
        Job job = Fixtures.awaitFinished(jobs, created.at("/job/id").asLong(), TWO_MINUTES);
        assertEquals(input.imports() ? JobState.SUCCEEDED : JobState.FAILED, job.state(), job.message());
        if (!input.imports()) {
            assertFalse(job.message().isBlank());
            assertFalse(TECHNICAL.matcher(job.message()).find(), "no stack trace or class name: " + job.message());
            assertEquals("failed", jdbc.queryForObject("SELECT state FROM region WHERE id = ?", String.class,
                    created.at("/region/id").asLong()));
        }
    }

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder rosterRequest(
            byte[] schools, String schoolsName, byte[] students, String studentsName) {
        return multipart("/api/regions/" + regionId + "/datasets")
                .file(new MockMultipartFile("schools", schoolsName, "application/octet-stream", schools))
                .file(new MockMultipartFile("students", studentsName, "application/octet-stream", students));
    }

    private JsonNode post(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int status)
            throws Exception {
        var response = mvc.perform(request.with(PLANNER).with(csrf().asHeader())).andReturn().getResponse();
        assertEquals(status, response.getStatus(), response.getContentAsString());
        return json.readTree(response.getContentAsString());
    }

    private Map<String, Long> counts() {
        return Map.of("dataset", count("dataset"), "school", count("school"), "student", count("student"), "plan", count("plan"));
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    /**
     * No file under uploads/ but Tomcat's own work folder: the job deleted its copies however it ended (it
     * does so just after recording its end, hence the short wait).
     */
    private void assertNoUploadCopies() throws Exception {
        Path uploads = properties.dataDir().resolve("uploads");
        java.time.Instant end = java.time.Instant.now().plusSeconds(5);
        List<Path> copies = uploadCopies(uploads);
        while (!copies.isEmpty() && java.time.Instant.now().isBefore(end)) {
            Thread.sleep(50);
            copies = uploadCopies(uploads);
        }
        assertEquals(List.of(), copies);
    }

    private static List<Path> uploadCopies(Path uploads) throws java.io.IOException {
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(uploads)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !uploads.relativize(p).toString().matches("[^/]+/tomcat/.*")).toList();
        } catch (java.io.UncheckedIOException e) {
            // A folder deleted while walking it: the job is still cleaning up; look again.
            return List.of(uploads);
        }
    }
}
