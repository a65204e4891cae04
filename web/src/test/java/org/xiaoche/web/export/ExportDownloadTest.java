package org.xiaoche.web.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
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
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.adoption.AdoptionService;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.operator.OperatorService;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every download of an adopted plan, per role: planners get every format, viewers no riders lists or
 * notices, operators the operator edition of their own company's buses. Each operator download is
 * read back (zip entries unpacked) and must hold no student id, no time to the second, no bus of the
 * other company and no count of students. The PDF formats are made as jobs: started with POST, their
 * file fetched once by the one who asked, then gone; files nobody fetched expire, and those of
 * instances that stopped are deleted at start.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportDownloadTest {

    /** A time with seconds other than :00 (GTFS writes HH:MM:SS, so whole minutes end in :00). */
    private static final Pattern SECONDS = Pattern.compile("\\b\\d\\d:\\d\\d:(?!00)\\d\\d\\b");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionService regions;
    @Autowired
    DatasetService datasets;
    @Autowired
    JobRepository jobs;
    @Autowired
    PlanStep planning;
    @Autowired
    PlanRepository plans;
    @Autowired
    AccountService accounts;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;
    @Autowired
    AdoptionService adoptions;
    @Autowired
    OperatorService operators;

    long adoption;
    List<String> buses;
    final List<String> studentIds = new ArrayList<>();

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("exports");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students-crowd.csv"));
        long datasetId = datasets.importFiles(created.region().id(), "crowd", "wgs84", dir.resolve("schools.csv"),
                dir.resolve("students.csv"), "setup").id();
        long planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
        buses = new ArrayList<>(new TreeSet<>(plans.runs(planId).stream().map(PlanRepository.RunRow::busId).toList()));
        assertTrue(buses.size() >= 2, buses.toString());
        plans.students(planId).forEach(s -> studentIds.add(s.studentId()));
        // Jobs run as the user who asked, as the service knows them: the accounts must exist.
        accounts.create("pia", "planner-test-pw", Role.PLANNER);
        accounts.create("pete", "planner-test-pw", Role.PLANNER);
        accounts.create("vic", "viewer-test-pw", Role.VIEWER);
        // op-b's company runs the first bus, op-a's every other (op-a's company is made first, then moved from).
        adoption = Fixtures.adoptForOperator(adoptions, operators, accounts, users, planId, "op-a", "2026-09-01", "2027-01-31");
        long companyB = operators.create(new OperatorService.CompanyInput("乙公司", null, "https://b.example/")).id();
        accounts.create("op-b", "operator-test-pw", Role.OPERATOR);
        operators.addMember(companyB, "op-b");
        adoptions.assign(adoption, new AdoptionService.BusAssignment(companyB, List.of(buses.get(0))));
    }

    private List<String> formats(String role, String username) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/adoptions/" + adoption + "/exports").with(user(username).roles(role)))
                .andReturn().getResponse().getContentAsString());
        List<String> formats = new ArrayList<>();
        list.forEach(link -> {
            assertFalse(link.get("label").asText().isBlank(), link.toString());
            assertEquals("/api/adoptions/" + adoption + "/exports/" + link.get("format").asText(), link.get("href").asText());
            formats.add(link.get("format").asText());
        });
        return formats;
    }

    /** A download as a client makes it: at once, or, for a format made as a job (405 to GET), through its job. */
    private MockHttpServletResponse download(String format, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse direct = mvc.perform(get("/api/adoptions/" + adoption + "/exports/" + format).with(who))
                .andReturn().getResponse();
        if (direct.getStatus() != 405) {
            return direct;
        }
        assertEquals("POST", direct.getHeader("Allow"));
        assertEquals("export-is-a-job", json.readTree(direct.getContentAsString()).get("code").asText());
        return mvc.perform(get("/api/export-files/" + exportJob(format, who)).with(who)).andReturn().getResponse();
    }

    /** Starts an export job (202), waits until it has succeeded, and returns its id. */
    private long exportJob(String format, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse started = mvc.perform(post("/api/adoptions/" + adoption + "/exports/" + format).with(who).with(csrf()))
                .andReturn().getResponse();
        assertEquals(202, started.getStatus(), format + ": " + started.getContentAsString());
        JsonNode view = json.readTree(started.getContentAsString());
        assertEquals("export", view.get("kind").asText());
        long jobId = view.get("id").asLong();
        Job job = Fixtures.awaitFinished(jobs, jobId, Duration.ofSeconds(60));
        assertEquals(JobState.SUCCEEDED, job.state(), format + ": " + job.message());
        assertEquals("export-file", job.resultType());
        assertEquals(jobId, job.resultId());
        return jobId;
    }

    @Test
    void eachRoleGetsTheFormatsMeantForIt() throws Exception {
        List<String> planner = formats("PLANNER", "pia"), viewer = formats("VIEWER", "vic"), operator = formats("OPERATOR", "op-a");
        assertTrue(planner.contains("geojson"), planner.toString());
        assertTrue(planner.containsAll(viewer) && planner.containsAll(operator), planner + " " + viewer + " " + operator);
        assertFalse(viewer.contains("riders") || viewer.contains("notices"), viewer.toString());
        assertFalse(operator.contains("riders") || operator.contains("notices"), operator.toString());
        for (String format : planner) {
            MockHttpServletResponse response = download(format, user("pia").roles("PLANNER"));
            assertEquals(200, response.getStatus(), format + ": " + response.getContentAsString());
            assertTrue(response.getHeader("Content-Disposition").startsWith("attachment; filename="), response.getHeader("Content-Disposition"));
            assertTrue(response.getContentAsByteArray().length > 0, format);
            if (!viewer.contains(format)) {
                assertEquals(403, download(format, user("vic").roles("VIEWER")).getStatus(), "viewer " + format);
            }
            if (!operator.contains(format)) {
                assertEquals(403, download(format, user("op-a").roles("OPERATOR")).getStatus(), "operator " + format);
            }
        }
        assertEquals(404, download("no-such-format", user("pia").roles("PLANNER")).getStatus());
        assertEquals(404, download("geojson", user("op-none").roles("OPERATOR")).getStatus(), "an operator of no company");
        assertEquals(403, download("geojson", user("root").roles("ADMIN")).getStatus());
    }

    @Test
    void operatorDownloadsHoldOnlyTheirBusesAndNoStudentData() throws Exception {
        Set<String> busesOfA = new TreeSet<>(buses.subList(1, buses.size()));
        check("op-a", busesOfA, Set.of(buses.get(0)));
        check("op-b", Set.of(buses.get(0)), busesOfA);
    }

    private void check(String username, Set<String> own, Set<String> others) throws Exception {
        for (String format : formats("OPERATOR", username)) {
            MockHttpServletResponse response = download(format, user(username).roles("OPERATOR"));
            assertEquals(200, response.getStatus(), format + ": " + response.getContentAsString());
            String text = text(response.getContentAsByteArray());
            String where = username + " " + format;
            for (String studentId : studentIds) {
                assertFalse(mentions(text, studentId), where + " names student " + studentId);
            }
            assertFalse(SECONDS.matcher(text).find(), where + " has times to the second");
            for (String bus : others) {
                assertFalse(mentions(text, bus), where + " shows another company's bus " + bus);
            }
            assertTrue(own.stream().anyMatch(bus -> mentions(text, bus)), where + " shows none of its own buses " + own);
            for (String count : new String[]{"\"students\"", "young_pupils", "boarding", "上车人数"}) {
                assertFalse(text.contains(count), where + " carries a count: " + count);
            }
        }
    }

    @Autowired
    ExportFiles files;
    @Autowired
    org.xiaoche.web.system.XiaocheProperties properties;
    @Autowired
    org.xiaoche.web.job.Instances instances;
    @Autowired
    org.xiaoche.web.audit.AuditLog audit;
    @Autowired
    ExportFileSettings settings;

    /** The folder of an export job's file on this instance (what the job left there). */
    private List<Path> filesOf(long jobId) throws IOException {
        Path folder = properties.dataDir().resolve("exports").resolve(instances.self()).resolve(Long.toString(jobId));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var list = Files.list(folder)) {
            return list.toList();
        }
    }

    /**
     * A driver-sheet job's file, owner-only on disk, goes to the planner who asked and nobody else, once:
     * a second download is 410 and nothing is left on disk. The rider lists name students: their download
     * is audited. Others cannot cancel a planner's job; an operator may cancel its own (here: already ended).
     */
    @Test
    void anExportJobsFileGoesOnceToTheOneWhoAskedAndIsThenDeleted() throws Exception {
        RequestPostProcessor pia = user("pia").roles("PLANNER");
        long jobId = exportJob("driver-sheets", pia);
        List<Path> made = filesOf(jobId);
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).getFileName().toString().endsWith("-driver-sheets.pdf"), made.toString());
        if (made.get(0).getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(made.get(0))));
        }
        assertEquals(404, mvc.perform(get("/api/export-files/" + jobId).with(user("pete").roles("PLANNER"))).andReturn()
                .getResponse().getStatus(), "another planner's file");
        assertEquals(404, mvc.perform(get("/api/export-files/" + jobId).with(user("op-a").roles("OPERATOR"))).andReturn()
                .getResponse().getStatus());
        MockHttpServletResponse file = mvc.perform(get("/api/export-files/" + jobId).with(pia)).andReturn().getResponse();
        assertEquals(200, file.getStatus(), file.getContentAsString());
        assertEquals("application/pdf", file.getContentType());
        assertTrue(file.getHeader("Content-Disposition").startsWith("attachment; filename="), file.getHeader("Content-Disposition"));
        String text = text(file.getContentAsByteArray());
        buses.forEach(bus -> assertTrue(mentions(text, bus), "planners' sheets hold every bus: " + bus));
        MockHttpServletResponse again = mvc.perform(get("/api/export-files/" + jobId).with(pia)).andReturn().getResponse();
        assertEquals(410, again.getStatus());
        assertEquals("gone", json.readTree(again.getContentAsString()).get("code").asText());
        assertEquals(List.of(), filesOf(jobId), "nothing left once downloaded");

        long before = audit.count();
        assertEquals(200, download("riders", pia).getStatus());
        assertEquals(before + 1, audit.count(), "a rider list names students: its download is audited");

        // Cancelling: never another user's job; an operator's own job, yes (this one has ended: 409, not 403).
        long operatorJob = exportJob("permit", user("op-a").roles("OPERATOR"));
        assertEquals(403, mvc.perform(post("/api/jobs/" + jobId + "/cancel").with(user("op-a").roles("OPERATOR")).with(csrf()))
                .andReturn().getResponse().getStatus());
        assertEquals(409, mvc.perform(post("/api/jobs/" + operatorJob + "/cancel").with(user("op-a").roles("OPERATOR")).with(csrf()))
                .andReturn().getResponse().getStatus());
        assertEquals(403, mvc.perform(post("/api/adoptions/" + adoption + "/exports/riders").with(user("vic").roles("VIEWER"))
                .with(csrf())).andReturn().getResponse().getStatus(), "a viewer may not ask for rider lists");
    }

    /**
     * A file nobody fetched is deleted once it waited longer than the limit (by the sweep, and when it is
     * asked for); a job stopped while writing leaves nothing; files of an instance that stopped are deleted
     * at start, this instance's stay.
     */
    @Test
    void unfetchedFilesExpireAndThoseOfStoppedInstancesGo() throws Exception {
        RequestPostProcessor pia = user("pia").roles("PLANNER");
        long swept = exportJob("permit", pia), asked = exportJob("permit", pia), kept = exportJob("permit", pia);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(settings.keepFor()).minusSeconds(5));
        Files.setLastModifiedTime(filesOf(swept).get(0), old);
        files.sweep();
        assertEquals(List.of(), filesOf(swept), "swept after the limit");
        assertEquals(410, mvc.perform(get("/api/export-files/" + swept).with(pia)).andReturn().getResponse().getStatus());
        // Expired since the last sweep: refused, and deleted, when asked for.
        Files.setLastModifiedTime(filesOf(asked).get(0), old);
        assertEquals(410, mvc.perform(get("/api/export-files/" + asked).with(pia)).andReturn().getResponse().getStatus());
        assertEquals(List.of(), filesOf(asked));
        assertEquals(1, filesOf(kept).size(), "a young file stays");

        // A job stopped while it writes (cancelled, failed) leaves nothing behind, not even its part file.
        org.junit.jupiter.api.Assertions.assertThrows(org.xiaoche.web.job.JobCancelledException.class, () -> files.write(999_999,
                "校车方案-riders.pdf", out -> {
                    out.write("%PDF- half".getBytes(StandardCharsets.US_ASCII));
                    throw new org.xiaoche.web.job.JobCancelledException(999_999);
                }));
        assertEquals(List.of(), filesOf(999_999));

        Path dead = properties.dataDir().resolve("exports").resolve("stopped-instance-0000").resolve("77");
        Files.createDirectories(dead);
        Files.writeString(dead.resolve("校车方案-1-学期-riders.pdf"), "%PDF- names students");
        files.recover();
        assertFalse(Files.exists(dead.getParent()), "a stopped instance's files are deleted");
        assertEquals(1, filesOf(kept).size(), "a live instance's file stays");
        assertEquals(200, mvc.perform(get("/api/export-files/" + kept).with(pia)).andReturn().getResponse().getStatus());
    }

    /**
     * The file holds what the operator saw when it asked; once the company's buses change it is not handed
     * out (409) and is deleted, and a job run after such a change refuses.
     */
    @Test
    void anOperatorsFileIsNotHandedOutOnceItsBusesChanged() throws Exception {
        RequestPostProcessor b = user("op-b").roles("OPERATOR");
        long jobId = exportJob("driver-sheets", b);
        long companyB = companies.companyOf("op-b").orElseThrow();
        String moved = buses.get(1);
        try {
            adoptions.assign(adoption, new AdoptionService.BusAssignment(companyB, List.of(moved)));
            MockHttpServletResponse refused = mvc.perform(get("/api/export-files/" + jobId).with(b)).andReturn().getResponse();
            assertEquals(409, refused.getStatus(), refused.getContentAsString());
            assertEquals("export-scope-changed", json.readTree(refused.getContentAsString()).get("code").asText());
            assertEquals(List.of(), filesOf(jobId), "the stale file is deleted");
        } finally {
            long companyA = companies.companyOf("op-a").orElseThrow();
            adoptions.assign(adoption, new AdoptionService.BusAssignment(companyA, List.of(moved)));
        }
        JsonNode ended = json.readTree(mvc.perform(get("/api/jobs/" + jobId).with(b)).andReturn().getResponse().getContentAsString());
        assertEquals("succeeded", ended.get("state").asText(), "the job itself stays as it ended");

        // A job that finds other buses than were asked for writes nothing.
        long stale = jobService.submit("export", java.util.Map.of("adoptionId", Long.toString(adoption), "format", "driver-sheets",
                "lang", "zh", "requestedBy", "op-b", "scope", "operator:0000"), "op-b").id();
        Job refusedJob = Fixtures.awaitFinished(jobs, stale, Duration.ofSeconds(60));
        assertEquals(JobState.FAILED, refusedJob.state());
        assertTrue(refusedJob.message().contains("start the export again"), refusedJob.message());
        assertEquals(List.of(), filesOf(stale));
    }

    @Autowired
    org.xiaoche.web.job.JobService jobService;

    @Autowired
    org.xiaoche.web.operator.OperatorCompanyRepository companies;

    /** Whether {@code id} stands in the text on its own (ids such as {@code bus_B01} count; {@code B012} does not). */
    private static boolean mentions(String text, String id) {
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(id) + "(?![A-Za-z0-9])").matcher(text).find();
    }

    /** The download as text: a zip's entries (GTFS, XLSX, GPX) one after the other, a PDF's text, anything else as UTF-8. */
    static String text(byte[] bytes) throws IOException {
        if (bytes.length > 4 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("%PDF")) {
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            }
        }
        if (bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            StringBuilder all = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    ByteArrayOutputStream entry = new ByteArrayOutputStream();
                    zip.transferTo(entry);
                    String content = entry.toString(StandardCharsets.UTF_8);
                    // A workbook's sheet XML names cells (r="C10"): only its text is the workbook's content.
                    all.append(e.getName()).append('\n').append(e.getName().startsWith("xl/") ? content.replaceAll("<[^>]*>", " ") : content)
                            .append('\n');
                }
            }
            return all.toString();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
