package org.xiaoche.web.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A plan's summary against figures recomputed here from the stored rider rows and runs (and the
 * fixture's walkers, known by hand), what each role gets of it, and the planners' student lists as
 * CSV and XLSX with translated reasons, each download audited. The fixture village: two walkers, one
 * home off the walking network, two young riders whose journey no bus can keep under a 4-minute cap,
 * three older riders; a second plan whose policy lets no bus stop on the village road leaves every
 * rider unserved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanSummaryTest {

    private static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");
    private static final RequestPostProcessor VIEWER = user("vic").roles("VIEWER");
    private static final RequestPostProcessor OPERATOR = user("ola").roles("OPERATOR");
    private static final Set<String> STUDENTS = Set.of("W1", "W2", "=1+2", "Y2", "O1", "O2", "O3", "U1");

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
    JdbcTemplate jdbc;

    long planId;
    long unservedPlanId;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("summary");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students-summary.csv"));
        long datasetId = datasets.importFiles(created.region().id(), "summary", "wgs84", dir.resolve("schools.csv"),
                dir.resolve("students.csv"), "setup").id();
        PlanningPolicy youngCap = org.xiaoche.web.Fixtures.youngJourneyCap(240);
        planId = planning.compute(datasetId, Fleet.defaults(), youngCap, null, "setup", ProgressListener.NONE);
        unservedPlanId = planning.compute(datasetId, Fleet.defaults(),
                PlanningPolicy.defaults().withStopRoads(List.of("primary"), List.of()), null, "setup", ProgressListener.NONE);
    }

    private MockHttpServletResponse call(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andReturn().getResponse();
    }

    private JsonNode summary(long id, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = call("/api/plans/" + id + "/summary", who);
        assertEquals(200, response.getStatus(), response.getContentAsString());
        return json.readTree(response.getContentAsString());
    }

    @Test
    void summaryMatchesTheRiderRowsAndRuns() throws Exception {
        long audited = audits(planId);
        JsonNode s = summary(planId, PLANNER);
        assertEquals(audited, audits(planId), "the summary names no student: not audited");
        assertTrue(s.get("studentsRecorded").asBoolean());
        assertEquals(1, s.get("schools").size());
        JsonNode school = s.at("/schools/0");
        assertEquals("S1", school.get("schoolId").asText());
        // By hand from the fixture: 8 students, W1 and W2 walk (0.56 and 1.1 km), U1 lives off the walking network.
        assertEquals(8, school.get("students").asInt());
        assertEquals(2, school.get("walkers").asInt());

        List<PlanRepository.StudentRow> riders = plans.students(planId);
        List<PlanRepository.StudentRow> carried = riders.stream().filter(r -> r.stopId() != null).toList();
        assertEquals(riders.size(), school.get("needingTransport").asInt());
        assertEquals(5, riders.size(), "the five beyond 2 km need a bus");
        assertEquals(carried.size(), school.get("served").asInt());
        assertEquals(riders.size() - carried.size(), school.get("unserved").asInt());
        long capInfeasible = carried.stream().filter(PlanRepository.StudentRow::capInfeasible).count();
        assertEquals(2, capInfeasible, "both young riders are beyond a 4-minute journey cap");
        assertEquals(capInfeasible, school.get("capInfeasible").asInt());

        List<PlanRepository.RunRow> runs = plans.runs(planId);
        assertEquals(runs.stream().map(PlanRepository.RunRow::busId).distinct().count(), school.get("buses").asInt());

        // Nearest-rank percentiles by hand: the ceil(p·n)-th smallest ride.
        double[] rides = carried.stream().mapToDouble(PlanRepository.StudentRow::ride_s).sorted().toArray();
        assertEquals(Math.round(rides[(int) Math.ceil(0.5 * rides.length) - 1]), school.get("rideP50_s").asLong());
        assertEquals(Math.round(rides[(int) Math.ceil(0.9 * rides.length) - 1]), school.get("rideP90_s").asLong());
        assertEquals(Math.round(rides[rides.length - 1]), school.get("rideMax_s").asLong());
        assertEquals(school.get("served").asInt(), s.at("/total/served").asInt());
        assertEquals(8, s.at("/total/students").asInt());

        // Histograms: every carried ride counted once, in its band, in the bin floor(ride / 300 s).
        assertEquals(300, s.get("binWidth_s").asInt());
        List<String> bands = new ArrayList<>();
        int counted = 0;
        for (JsonNode h : s.get("rideHistograms")) {
            bands.add(h.get("gradeBand").asText());
            int sum = 0;
            for (JsonNode n : h.get("counts")) {
                sum += n.asInt();
            }
            assertEquals(h.get("riders").asInt(), sum);
            counted += sum;
        }
        assertEquals(List.of("1-3", "4-6"), bands);
        assertEquals(carried.size(), counted);
        for (PlanRepository.StudentRow r : carried) {
            String band = r.grade() <= 3 ? "1-3" : "4-6";
            JsonNode h = s.get("rideHistograms").get(bands.indexOf(band));
            assertTrue(h.get("counts").get((int) Math.floor(r.ride_s() / 300)).asInt() > 0, r.studentId());
        }

        // Seats per run: as the run rows say.
        assertEquals(runs.size(), s.get("runs").size());
        for (JsonNode run : s.get("runs")) {
            PlanRepository.RunRow row = runs.stream().filter(r -> r.runId().equals(run.get("runId").asText())).findFirst().orElseThrow();
            assertEquals(row.students(), run.get("students").asInt());
            assertEquals(row.seats(), run.get("seats").asInt());
            assertEquals(row.direction(), run.get("direction").asText());
        }
        assertEquals(4, s.get("lists").size(), "two lists, two formats each, for planners");
    }

    @Test
    void theSecondPlanLeavesEveryRiderUnserved() throws Exception {
        JsonNode school = summary(unservedPlanId, PLANNER).at("/schools/0");
        assertEquals(5, school.get("needingTransport").asInt());
        assertEquals(0, school.get("served").asInt());
        assertEquals(5, school.get("unserved").asInt());
        assertEquals(0, school.get("buses").asInt());
        assertFalse(school.has("rideP50_s"), "nobody rides: no ride figures");
    }

    @Test
    void viewersGetCountsOnlyAndOperatorsNothing() throws Exception {
        long audited = audits(planId);
        MockHttpServletResponse viewer = call("/api/plans/" + planId + "/summary", VIEWER);
        assertEquals(200, viewer.getStatus());
        JsonNode s = json.readTree(viewer.getContentAsString());
        assertEquals(0, s.get("lists").size());
        String body = viewer.getContentAsString();
        for (String id : List.of("W1", "W2", "Y2", "O1", "O2", "O3", "U1")) {
            assertFalse(body.contains("\"" + id + "\""), "no student id for viewers: " + id);
        }
        assertEquals(403, call("/api/plans/" + planId + "/lists/unserved", VIEWER).getStatus());
        assertEquals(403, call("/api/plans/" + planId + "/lists/cap-infeasible?format=xlsx", VIEWER).getStatus());
        assertEquals(403, call("/api/plans/" + planId + "/summary", OPERATOR).getStatus());
        assertEquals(403, call("/api/plans/" + planId + "/lists/unserved", OPERATOR).getStatus());
        assertEquals(404, call("/api/plans/999999/summary", PLANNER).getStatus());
        assertEquals(404, call("/api/plans/" + planId + "/lists/everyone", PLANNER).getStatus());
        assertEquals(400, call("/api/plans/" + planId + "/lists/unserved?format=pdf", PLANNER).getStatus());
        assertEquals(audited, audits(planId), "refused reads are not recorded");
    }

    @Test
    void capInfeasibleListAsCsvInChineseAndEnglish() throws Exception {
        long audited = audits(planId);
        MockHttpServletResponse response = call("/api/plans/" + planId + "/lists/cap-infeasible?format=csv", PLANNER);
        assertEquals(200, response.getStatus());
        assertEquals(audited + 1, audits(planId), "the list names students: audited");
        byte[] bytes = response.getContentAsByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals("学生编号,学校编号,学校,年级,站点,趟次,乘车（分钟）,全程（分钟）,原因", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("'=1+2,S1,村小 Village School,2,"), "formula-like text stays text: " + lines.get(1));
        assertTrue(lines.get(2).startsWith("Y2,S1,"), lines.get(2));
        for (String row : lines.subList(1, 3)) {
            assertTrue(row.contains("分钟上限"), "the reason in Chinese: " + row);
            assertFalse(row.contains("exceeds"), "no English reason: " + row);
        }
        String english = call("/api/plans/" + planId + "/lists/cap-infeasible?format=csv&lang=en", PLANNER).getContentAsString(StandardCharsets.UTF_8);
        assertTrue(english.startsWith("\uFEFFStudent id,School id,School,Grade,Stop,Run,Ride (min),Journey (min),Reason"), english);
        assertTrue(english.contains("exceeds the 4 min cap"), english);
        assertEquals(audited + 2, audits(planId));
    }

    @Test
    void unservedListAsXlsxWithTheReasonInWords() throws Exception {
        long audited = audits(unservedPlanId);
        MockHttpServletResponse response = call("/api/plans/" + unservedPlanId + "/lists/unserved?format=xlsx", PLANNER);
        assertEquals(200, response.getStatus());
        assertTrue(response.getContentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertTrue(response.getHeader("Content-Disposition").contains("attachment"));
        assertEquals(audited + 1, audits(unservedPlanId));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("未覆盖学生名单", sheet.getSheetName());
            assertEquals(List.of("学生编号", "学校编号", "学校", "年级", "原因", "说明"), texts(sheet.getRow(0)));
            assertEquals(6, sheet.getLastRowNum() + 1, "a header and the five riders");
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                Row row = sheet.getRow(i);
                ids.add(row.getCell(0).getStringCellValue());
                assertEquals("未覆盖：家附近没有校车道路", row.getCell(4).getStringCellValue());
                assertTrue(row.getCell(5).getStringCellValue().contains("米内没有校车可停靠的道路"), row.getCell(5).getStringCellValue());
            }
            assertEquals(List.of("=1+2", "O1", "O2", "O3", "Y2"), ids);
            Cell formulaLike = sheet.getRow(1).getCell(0);
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, formulaLike.getCellType());
            assertTrue(formulaLike.getCellStyle().getQuotePrefixed(), "formula-like text stays text");
        }
        // The other list of this plan is empty: a header only.
        String none = call("/api/plans/" + unservedPlanId + "/lists/cap-infeasible", PLANNER).getContentAsString(StandardCharsets.UTF_8);
        assertEquals(1, none.lines().count());
        assertTrue(STUDENTS.containsAll(plans.students(unservedPlanId).stream().map(PlanRepository.StudentRow::studentId).toList()));
    }

    private static List<String> texts(Row row) {
        return IntStream.range(0, row.getLastCellNum()).mapToObj(i -> row.getCell(i).getStringCellValue()).toList();
    }

    private long audits(long id) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'read-student-ids' AND subject_type = 'plan'"
                + " AND subject_id = ?", Long.class, id);
        return n == null ? 0 : n;
    }
}
