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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every download of an adopted plan, per role: planners get every format, viewers no riders lists or
 * notices, operators the operator edition of their own company's buses. Each operator download is
 * read back (zip entries unpacked) and must hold no student id, no time to the second, no bus of the
 * other company and no count of students.
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

    private MockHttpServletResponse download(String format, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/adoptions/" + adoption + "/exports/" + format).with(who)).andReturn().getResponse();
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
