package org.xiaoche.web.adoption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.TestClock;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;
import org.xiaoche.web.system.ApiException;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Adopted plans and operators through the API: adoption with its field checks, replacement with
 * history, read-only plans, operator companies and their accounts, and what an operator sees: only
 * plans in force and, in them, only its company's buses, with times that give no count away.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdoptionTest {

    static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");

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
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AdoptedPlanGuard guard;

    long regionId;
    long villageDataset;
    long crowdDataset;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        regionId = created.region().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        villageDataset = dataset("students.csv");
        crowdDataset = dataset("students-crowd.csv");
        for (String name : new String[]{"op-a", "op-b", "op-none"}) {
            accounts.create(name, "operator-test-pw", Role.OPERATOR);
        }
        accounts.create("vic", "viewer-test-pw", Role.VIEWER);
    }

    private long dataset(String students) throws Exception {
        Path dir = Files.createTempDirectory("adoption");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture(students));
        return datasets.importFiles(regionId, students, "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), "setup").id();
    }

    private long plan(long datasetId) throws Exception {
        return planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
    }

    JsonNode call(RequestBuilder request, int expectedStatus) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString();
        assertEquals(expectedStatus, response.getStatus(), body);
        return body.isEmpty() ? null : json.readTree(body);
    }

    private JsonNode adopt(long planId, String term, String from, String to, int status) throws Exception {
        return call(post("/api/adoptions").contentType("application/json").content(json.writeValueAsString(
                Map.of("planId", planId, "termName", term, "validFrom", from, "validTo", to))).with(PLANNER).with(csrf()), status);
    }

    private long company(String name) throws Exception {
        return call(post("/api/operators").contentType("application/json")
                .content("{\"name\": \"" + name + "\", \"phone\": \"0535-6688123\", \"url\": \"https://bus.example.cn\"}")
                .with(PLANNER).with(csrf()), 201).get("id").asLong();
    }

    private static Map<String, String> fields(JsonNode error) {
        Map<String, String> byField = new HashMap<>();
        error.get("problems").forEach(p -> byField.put(p.get("field").asText(), p.get("reason").asText()));
        return byField;
    }

    @Test
    void badAdoptionsAreRefusedNamingEachField() throws Exception {
        long planId = plan(villageDataset);
        JsonNode refused = call(post("/api/adoptions").contentType("application/json")
                .content("{\"termName\": \"  \", \"validFrom\": \"2026-13-01\", \"validTo\": \"\"}").with(PLANNER).with(csrf()), 422);
        assertEquals(Set.of("planId", "termName", "validFrom", "validTo"), fields(refused).keySet(), refused.toString());
        assertTrue(fields(refused).get("validFrom").contains("2026-13-01"), refused.toString());

        JsonNode backwards = adopt(planId, "秋季学期", "2026-09-01", "2026-08-31", 422);
        assertEquals(Set.of("validTo"), fields(backwards).keySet(), backwards.toString());
        JsonNode tooLong = adopt(planId, "秋季学期", "2026-09-01", "2028-09-01", 422);
        assertEquals(Set.of("validTo"), fields(tooLong).keySet(), tooLong.toString());
        JsonNode unknown = adopt(999_999, "秋季学期", "2026-09-01", "2027-01-31", 422);
        assertEquals(Set.of("planId"), fields(unknown).keySet(), unknown.toString());
        JsonNode wrongType = call(post("/api/adoptions").contentType("application/json")
                .content("{\"planId\": \"eleven\"}").with(PLANNER).with(csrf()), 422);
        assertEquals(Set.of("planId"), fields(wrongType).keySet(), wrongType.toString());

        jdbc.update("UPDATE plan SET valid = false WHERE id = ?", planId);
        JsonNode invalid = adopt(planId, "秋季学期", "2026-09-01", "2027-01-31", 409);
        assertTrue(invalid.get("message").asText().contains("rules"), invalid.toString());
        assertEquals(0L, jdbc.queryForObject("SELECT count(*) FROM plan_adoption WHERE plan_id = ?", Long.class, planId));

        for (String role : new String[]{"VIEWER", "OPERATOR", "ADMIN"}) {
            call(post("/api/adoptions").contentType("application/json").content("{}").with(user("x").roles(role)).with(csrf()), 403);
        }
    }

    /**
     * A second plan adopted for an overlapping term replaces the first, which stays in the history
     * with who replaced it; a term that does not overlap leaves the first in force. A plan in force
     * keeps its dataset until it is withdrawn; an adopted plan refuses every change.
     */
    @Test
    void adoptingForAnOverlappingTermSupersedesAndKeepsTheHistory() throws Exception {
        long ownDataset = dataset("students.csv");
        long first = plan(ownDataset);
        long second = plan(ownDataset);
        long autumn = adopt(first, "2026—2027 学年第一学期", "2026-09-01", "2027-01-31", 201).get("id").asLong();
        long spring = adopt(first, "2026—2027 学年第二学期", "2027-02-20", "2027-07-10", 201).get("id").asLong();
        JsonNode replacing = adopt(second, "2026—2027 学年第一学期（调整）", "2026-11-01", "2027-01-31", 201);
        long replacement = replacing.get("id").asLong();
        assertEquals("upcoming", replacing.get("state").asText(), "the test clock's 15 October is before its term");

        JsonNode old = call(get("/api/adoptions/" + autumn).with(PLANNER), 200);
        assertEquals("superseded", old.get("state").asText(), old.toString());
        assertEquals(replacement, old.get("supersededBy").asLong());
        assertEquals("pia", old.get("supersededByUser").asText());
        assertTrue(old.hasNonNull("supersededAt"), old.toString());
        assertEquals(first, old.get("planId").asLong(), "the replaced plan stays in the history");
        assertEquals("upcoming", call(get("/api/adoptions/" + spring).with(PLANNER), 200).get("state").asText(),
                "a term that does not overlap is not replaced");
        List<Long> history = new ArrayList<>();
        call(get("/api/adoptions?regionId=" + regionId).with(user("vic").roles("VIEWER")), 200)
                .forEach(a -> history.add(a.get("id").asLong()));
        assertTrue(history.containsAll(List.of(replacement, spring, autumn)), history.toString());

        // Read-only: the guard refuses any change to an adopted plan (a superseded one too), not to a draft.
        long draft = plan(ownDataset);
        for (long planId : new long[]{first, second}) {
            for (String method : new String[]{"PUT", "PATCH", "DELETE"}) {
                ApiException e = assertThrows(ApiException.class, () -> guard.preHandle(
                        new MockHttpServletRequest(method, "/api/plans/" + planId + "/stops/T001"), new MockHttpServletResponse(), null));
                assertEquals(409, e.status().value());
                assertTrue(e.getMessage().contains("adopted and read-only"), e.getMessage());
            }
        }
        assertTrue(guard.preHandle(new MockHttpServletRequest("PUT", "/api/plans/" + draft), new MockHttpServletResponse(), null));
        assertTrue(guard.preHandle(new MockHttpServletRequest("POST", "/api/plans/" + first + "/replan"),
                new MockHttpServletResponse(), null), "a new plan may start from an adopted one");

        JsonNode kept = call(delete("/api/datasets/" + ownDataset).with(PLANNER).with(csrf()), 409);
        assertTrue(kept.get("message").asText().contains("withdraw"), kept.toString());
        call(delete("/api/regions/" + regionId).with(PLANNER).with(csrf()), 409);
        assertEquals(1L, jdbc.queryForObject("SELECT count(*) FROM dataset WHERE id = ?", Long.class, ownDataset));
        call(post("/api/adoptions/" + replacement + "/withdraw").with(user("vic").roles("VIEWER")).with(csrf()), 403);
        assertEquals("withdrawn", call(post("/api/adoptions/" + replacement + "/withdraw").with(PLANNER).with(csrf()), 200)
                .get("state").asText());
        call(post("/api/adoptions/" + replacement + "/withdraw").with(PLANNER).with(csrf()), 409);
        call(post("/api/adoptions/" + spring + "/withdraw").with(PLANNER).with(csrf()), 200);
        // Nothing in force now: the dataset (and its students) can go; the history rows stay, without their plan.
        call(delete("/api/datasets/" + ownDataset).with(PLANNER).with(csrf()), 204);
        JsonNode afterDeletion = call(get("/api/adoptions/" + autumn).with(PLANNER), 200);
        assertTrue(afterDeletion.get("planId").isNull(), afterDeletion.toString());
        assertEquals("superseded", afterDeletion.get("state").asText());
    }

    @Test
    void operatorCompaniesAreCheckedFieldByFieldAndHoldOperatorAccountsOnly() throws Exception {
        JsonNode refused = call(post("/api/operators").contentType("application/json")
                .content("{\"name\": \"\", \"phone\": \"call me\", \"url\": \"javascript:alert(1)\"}").with(PLANNER).with(csrf()), 422);
        assertEquals(Set.of("name", "phone", "url"), fields(refused).keySet(), refused.toString());
        long id = company("县运输公司");
        JsonNode renamed = call(put("/api/operators/" + id).contentType("application/json")
                .content("{\"name\": \"县公交公司\"}").with(PLANNER).with(csrf()), 200);
        assertEquals("县公交公司", renamed.get("name").asText());
        assertTrue(renamed.get("phone").isNull(), "a field left out is cleared: " + renamed);
        call(post("/api/operators").contentType("application/json").content("{\"name\": \"x\"}")
                .with(user("vic").roles("VIEWER")).with(csrf()), 403);

        JsonNode notOperator = call(put("/api/operators/" + id + "/members/vic").with(PLANNER).with(csrf()), 422);
        assertEquals(Set.of("username"), fields(notOperator).keySet());
        call(put("/api/operators/" + id + "/members/nobody").with(PLANNER).with(csrf()), 404);
        call(put("/api/operators/" + id + "/members/op-none").with(user("root").roles("ADMIN")).with(csrf()), 204);
        assertEquals(List.of("op-none"), json.convertValue(call(get("/api/operators/" + id + "/members").with(PLANNER), 200), List.class));
        call(delete("/api/operators/" + id + "/members/op-none").with(PLANNER).with(csrf()), 204);
        call(delete("/api/operators/" + id).with(PLANNER).with(csrf()), 204);
        call(get("/api/operators/" + id).with(PLANNER), 404);
    }

    /**
     * Two companies run one bus each of the crowd's plan: each operator gets only its own bus's runs,
     * routes, stops and timetables, every other run is 404; an operator of no company and every
     * operator before adoption see nothing.
     */
    @Test
    void anOperatorSeesOnlyItsOwnBusesOfPlansInForce() throws Exception {
        long planId = plan(crowdDataset);
        List<String> buses = new ArrayList<>(new TreeSet<>(busIds(planId)));
        assertTrue(buses.size() >= 2, "the crowd needs several buses: " + buses);
        RequestPostProcessor a = user("op-a").roles("OPERATOR"), b = user("op-b").roles("OPERATOR");
        call(get("/api/plans/" + planId).with(a), 404);

        long companyA = company("甲运输公司"), companyB = company("乙运输公司");
        call(put("/api/operators/" + companyA + "/members/op-a").with(PLANNER).with(csrf()), 204);
        call(put("/api/operators/" + companyB + "/members/op-b").with(PLANNER).with(csrf()), 204);
        long adoption = adopt(planId, "2029 春季学期", "2029-02-20", "2029-07-10", 201).get("id").asLong();
        call(get("/api/plans/" + planId).with(a), 404);
        JsonNode badBus = call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json")
                .content("{\"operatorId\": " + companyA + ", \"busIds\": [\"no-such-bus\"]}").with(PLANNER).with(csrf()), 422);
        assertEquals(Set.of("busIds"), fields(badBus).keySet());
        call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json")
                .content("{\"operatorId\": " + companyB + "}").with(PLANNER).with(csrf()), 200);
        JsonNode assigned = call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json")
                .content("{\"operatorId\": " + companyA + ", \"busIds\": [\"" + buses.get(0) + "\"]}").with(PLANNER).with(csrf()), 200);
        assertEquals("甲运输公司", assigned.get(0).get("operatorName").asText(), assigned.toString());
        call(delete("/api/operators/" + companyA).with(PLANNER).with(csrf()), 409);

        Set<String> busesOfA = busesSeen(planId, a), busesOfB = busesSeen(planId, b);
        assertEquals(Set.of(buses.get(0)), busesOfA);
        assertEquals(new TreeSet<>(buses.subList(1, buses.size())), busesOfB);
        JsonNode planOfA = call(get("/api/plans/" + planId).with(a), 200);
        assertEquals(1, planOfA.get("buses").asInt(), planOfA.toString());
        assertTrue(planOfA.get("costPerDay") == null, "no cost of other companies' buses: " + planOfA);
        assertEquals(List.of(planId), ids(call(get("/api/plans").with(a), 200)));
        assertEquals(List.of(adoption), ids(call(get("/api/adoptions").with(a), 200)));
        call(get("/api/adoptions/" + adoption + "/buses").with(a), 403);

        // Another company's run: 404, as for a run that does not exist.
        Map<String, String> busOfRun = new HashMap<>();
        call(get("/api/plans/" + planId + "/runs").with(PLANNER), 200).forEach(r -> busOfRun.put(r.get("runId").asText(), r.get("busId").asText()));
        busOfRun.forEach((run, bus) -> {
            try {
                call(get("/api/plans/" + planId + "/runs/" + run + "/timetable").with(a), bus.equals(buses.get(0)) ? 200 : 404);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        RequestPostProcessor none = user("op-none").roles("OPERATOR");
        assertEquals(List.of(), ids(call(get("/api/plans").with(none), 200)));
        assertEquals(List.of(), ids(call(get("/api/adoptions").with(none), 200)));
        call(get("/api/plans/" + planId + "/stops.geojson").with(none), 404);
        call(get("/api/adoptions/" + adoption).with(none), 404);

        // Stops: only those the own bus calls at, each with only the own runs' times.
        JsonNode stops = call(get("/api/plans/" + planId + "/stops.geojson").with(a), 200);
        Set<String> runsOfA = new TreeSet<>();
        busOfRun.forEach((run, bus) -> {
            if (bus.equals(buses.get(0))) {
                runsOfA.add(run);
            }
        });
        stops.get("features").forEach(f -> {
            for (String call : f.at("/properties/arrival_times").asText().split("; ")) {
                assertTrue(runsOfA.contains(call.split(" ")[0]), call + " is not a run of op-a's bus: " + runsOfA);
            }
        });

        // Superseded: the plan is gone for its operators.
        long other = plan(crowdDataset);
        adopt(other, "2029 春季学期", "2029-02-20", "2029-07-10", 201);
        call(get("/api/plans/" + planId).with(a), 404);
        assertEquals(List.of(), ids(call(get("/api/plans").with(a), 200)), "the new plan's buses are not assigned yet");
    }

    private Set<String> busIds(long planId) throws Exception {
        Set<String> buses = new TreeSet<>();
        call(get("/api/plans/" + planId + "/runs").with(PLANNER), 200).forEach(r -> buses.add(r.get("busId").asText()));
        return buses;
    }

    /** The buses an operator meets in the runs list and in the route layer (which must agree). */
    private Set<String> busesSeen(long planId, RequestPostProcessor operator) throws Exception {
        Set<String> runs = new TreeSet<>();
        call(get("/api/plans/" + planId + "/runs").with(operator), 200).forEach(r -> runs.add(r.get("busId").asText()));
        Set<String> routes = new TreeSet<>();
        call(get("/api/plans/" + planId + "/routes.geojson").with(operator), 200).get("features")
                .forEach(f -> routes.add(f.at("/properties/bus_id").asText()));
        assertEquals(runs, routes);
        return runs;
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    /**
     * Boarding counts cannot be worked out from what an operator gets. Two adopted copies of one plan
     * differ only in how many students board at the run's first stop (1 and 3, so the dwell is 35 s
     * and 45 s and every later time 10 s apart); planners see the difference, while the operator's
     * timetable, run list, stop and route layers of the two are the same.
     */
    @Test
    void twoStopsWithDifferentBoardingCountsGiveTheSameOperatorTimetable() throws Exception {
        long one = plan(villageDataset), three = plan(villageDataset);
        String run = call(get("/api/plans/" + one + "/runs").with(PLANNER), 200).get(0).get("runId").asText();
        setBoarding(one, run, 1);
        setBoarding(three, run, 3);
        Fixtures.adoptForOperator(adoptionService, operatorService, accounts, users, one, "op-twin", "2031-09-01", "2032-01-31");
        Fixtures.adoptForOperator(adoptionService, operatorService, accounts, users, three, "op-twin", "2032-02-20", "2032-07-10");
        RequestPostProcessor twin = user("op-twin").roles("OPERATOR");
        // op-twin's company is the second one made; give it the first plan's bus too.
        long companyOfTwin = companies.companyOf("op-twin").orElseThrow();
        adoptionService.assign(jdbc.queryForObject("SELECT id FROM plan_adoption WHERE plan_id = ? AND superseded_at IS NULL",
                Long.class, one), new AdoptionService.BusAssignment(companyOfTwin, null));

        String timetable = "/runs/" + run + "/timetable";
        assertNotEquals(call(get("/api/plans/" + one + timetable).with(PLANNER), 200).at("/stops/0/boarding"),
                call(get("/api/plans/" + three + timetable).with(PLANNER), 200).at("/stops/0/boarding"));
        assertNotEquals(call(get("/api/plans/" + one + timetable).with(PLANNER), 200).at("/stops/1/arrival"),
                call(get("/api/plans/" + three + timetable).with(PLANNER), 200).at("/stops/1/arrival"), "planners see seconds");
        for (String path : new String[]{timetable, "/runs", "/stops.geojson", "/routes.geojson"}) {
            JsonNode a = call(get("/api/plans/" + one + path).with(twin), 200);
            JsonNode b = call(get("/api/plans/" + three + path).with(twin), 200);
            if (a.has("planId")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("planId");
                ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("planId");
            }
            assertEquals(a, b, "operators cannot tell 1 from 3 boarding students in " + path);
        }
    }

    @Autowired
    TestClock clock;

    /**
     * An adoption's state follows from its term and the day, read as it is asked (no write when a term
     * ends): terms in the past, present and future are expired, in force and upcoming; at each boundary
     * the state turns on the day itself. Operators see current adoptions (in force and upcoming) only;
     * an expired one stays in the history, read-only, but no longer keeps its dataset nor takes buses.
     */
    @Test
    void adoptionsExpireWhenTheirTermEndsAndOperatorsNoLongerSeeThem() throws Exception {
        long pastDataset = dataset("students.csv"), ownDataset = dataset("students.csv");
        long pastPlan = plan(pastDataset), presentPlan = plan(ownDataset), futurePlan = plan(ownDataset);
        try {
            clock.setToday(LocalDate.of(2026, 3, 1));
            long past = adopt(pastPlan, "2025—2026 学年第二学期", "2026-02-20", "2026-07-10", 201).get("id").asLong();
            Fixtures.adoptForOperator(adoptionService, operatorService, accounts, users, pastPlan, "op-term", "2026-02-20", "2026-07-10");
            long pastAgain = jdbc.queryForObject("SELECT max(id) FROM plan_adoption WHERE plan_id = ?", Long.class, pastPlan);
            assertEquals("superseded", state(past), "the fixture's adoption for the same term replaced the first");
            assertEquals("in_force", state(pastAgain));
            long company = companies.companyOf("op-term").orElseThrow();
            RequestPostProcessor op = user("op-term").roles("OPERATOR");
            assertEquals(List.of(pastPlan), ids(call(get("/api/plans").with(op), 200)), "in force on 1 March");

            clock.reset();
            long present = adopt(presentPlan, "2026—2027 学年第一学期", "2026-09-01", "2027-01-31", 201).get("id").asLong();
            long future = adopt(futurePlan, "2026—2027 学年第二学期", "2027-02-20", "2027-07-10", 201).get("id").asLong();
            for (long adoption : new long[]{present, future}) {
                call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json")
                        .content("{\"operatorId\": " + company + "}").with(PLANNER).with(csrf()), 200);
            }
            long stillOpen = jdbc.queryForObject("SELECT count(*) FROM plan_adoption WHERE superseded_at IS NULL", Long.class);
            assertEquals("expired", state(pastAgain), "its term ended on 10 July");
            assertEquals("in_force", state(present));
            assertEquals("upcoming", state(future));

            // Operators: the present and the coming term, never the past one.
            assertEquals(new TreeSet<>(List.of(presentPlan, futurePlan)), new TreeSet<>(ids(call(get("/api/plans").with(op), 200))));
            assertEquals(new TreeSet<>(List.of(present, future)), new TreeSet<>(ids(call(get("/api/adoptions").with(op), 200))));
            call(get("/api/adoptions/" + pastAgain).with(op), 404);
            call(get("/api/plans/" + pastPlan).with(op), 404);
            call(get("/api/plans/" + pastPlan + "/runs").with(op), 404);
            call(get("/api/adoptions/" + pastAgain + "/exports").with(op), 404);
            // Planners and viewers: the history keeps it, labelled.
            JsonNode history = call(get("/api/adoptions?regionId=" + regionId).with(user("vic").roles("VIEWER")), 200);
            assertTrue(history.toString().contains("\"id\":" + pastAgain + ","), history.toString());
            history.forEach(a -> {
                if (a.get("id").asLong() == pastAgain) {
                    assertEquals("expired", a.get("state").asText());
                }
            });

            // No longer in force: no buses to give, nothing to withdraw; still read-only as a record of what ran.
            JsonNode noBuses = call(put("/api/adoptions/" + pastAgain + "/buses").contentType("application/json")
                    .content("{\"operatorId\": " + company + "}").with(PLANNER).with(csrf()), 409);
            assertEquals("adoption-not-current", noBuses.get("code").asText(), noBuses.toString());
            assertTrue(noBuses.get("message").asText().contains("expired"), noBuses.toString());
            call(post("/api/adoptions/" + pastAgain + "/withdraw").with(PLANNER).with(csrf()), 409);
            ApiException readOnly = assertThrows(ApiException.class, () -> guard.preHandle(
                    new MockHttpServletRequest("PUT", "/api/plans/" + pastPlan), new MockHttpServletResponse(), null));
            assertEquals(409, readOnly.status().value());
            // A term already over cannot be adopted (a mistyped year, most likely).
            JsonNode ended = adopt(presentPlan, "2025—2026 学年第二学期", "2026-02-20", "2026-07-10", 422);
            assertEquals("term-has-ended", ended.at("/problems/0/code").asText(), ended.toString());
            assertEquals(List.of("2026-07-10", "2026-10-15"), json.convertValue(ended.at("/problems/0/args"), List.class));

            // The boundaries: the last day is in force, the next day not; the first day of a term is in force.
            clock.setToday(LocalDate.of(2027, 1, 31));
            assertEquals("in_force", state(present));
            assertEquals("upcoming", state(future));
            clock.setToday(LocalDate.of(2027, 2, 1));
            assertEquals("expired", state(present));
            assertEquals(List.of(futurePlan), ids(call(get("/api/plans").with(op), 200)), "the coming term only");
            call(get("/api/plans/" + presentPlan).with(op), 404);
            clock.setToday(LocalDate.of(2027, 2, 20));
            assertEquals("in_force", state(future));
            assertEquals(stillOpen, jdbc.queryForObject("SELECT count(*) FROM plan_adoption WHERE superseded_at IS NULL", Long.class),
                    "terms end without any write");

            // An expired plan's dataset may go (students must stay deletable); a current one's may not.
            clock.reset();
            call(delete("/api/datasets/" + ownDataset).with(PLANNER).with(csrf()), 409);
            call(delete("/api/datasets/" + pastDataset).with(PLANNER).with(csrf()), 204);
            JsonNode kept = call(get("/api/adoptions/" + pastAgain).with(PLANNER), 200);
            assertTrue(kept.get("planId").isNull(), kept.toString());
            assertEquals("expired", kept.get("state").asText());

            // A new adoption overlapping both supersedes the current one only: the expired one ran its term.
            long overlapping = adopt(presentPlan, "2026 下半年", "2026-06-01", "2026-12-31", 201).get("id").asLong();
            assertEquals("superseded", state(present));
            assertEquals("expired", state(pastAgain));
            assertEquals("in_force", state(overlapping));
        } finally {
            clock.reset();
        }
    }

    private String state(long adoption) throws Exception {
        return call(get("/api/adoptions/" + adoption).with(PLANNER), 200).get("state").asText();
    }

    /**
     * The page's table saves every bus's company at once ({@code operatorIdByBus}, null for none), in one
     * transaction: an unknown bus or company refuses the whole of it, naming each.
     */
    @Test
    void eachBusIsGivenItsOwnCompanyInOneRequest() throws Exception {
        long planId = plan(crowdDataset);
        List<String> buses = new ArrayList<>(new TreeSet<>(busIds(planId)));
        long adoption = adopt(planId, "2030 春季学期", "2030-02-20", "2030-07-10", 201).get("id").asLong();
        long first = company("丙运输公司"), second = company("丁运输公司");
        String body = json.writeValueAsString(Map.of("operatorIdByBus", Map.of(buses.get(0), first, buses.get(1), second)));
        JsonNode saved = call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json").content(body)
                .with(PLANNER).with(csrf()), 200);
        Map<String, String> names = new HashMap<>();
        saved.forEach(b -> names.put(b.get("busId").asText(), b.get("operatorName").isNull() ? null : b.get("operatorName").asText()));
        assertEquals("丙运输公司", names.get(buses.get(0)));
        assertEquals("丁运输公司", names.get(buses.get(1)));

        Map<String, Object> unassign = new HashMap<>();
        unassign.put(buses.get(0), null);
        unassign.put(buses.get(1), 987_654);
        unassign.put("no-such-bus", first);
        JsonNode refused = call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json")
                .content(json.writeValueAsString(Map.of("operatorIdByBus", unassign))).with(PLANNER).with(csrf()), 422);
        List<String> codes = new ArrayList<>();
        refused.get("problems").forEach(p -> {
            assertEquals("operatorIdByBus", p.get("field").asText(), refused.toString());
            codes.add(p.get("code").asText());
        });
        assertEquals(List.of("unknown-bus", "unknown-operator-company"), codes, refused.toString());
        assertEquals("丙运输公司", call(get("/api/adoptions/" + adoption + "/buses").with(PLANNER), 200).get(0).get("operatorName").asText(),
                "nothing of a refused request is stored");
        JsonNode both = call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json")
                .content("{\"operatorId\": " + first + ", \"operatorIdByBus\": {}}").with(PLANNER).with(csrf()), 422);
        assertEquals("assignment-both-forms", both.at("/problems/0/code").asText(), both.toString());

        unassign.remove("no-such-bus");
        unassign.put(buses.get(1), first);
        call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json")
                .content(json.writeValueAsString(Map.of("operatorIdByBus", unassign))).with(PLANNER).with(csrf()), 200);
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("SELECT bus_id, operator_id FROM plan_bus_operator WHERE plan_id = ?",
                rs -> { stored.put(rs.getString(1), rs.getLong(2)); }, planId);
        assertEquals(Map.of(buses.get(1), first), stored, "the first bus unassigned, the second moved");
        call(put("/api/adoptions/" + adoption + "/buses").contentType("application/json").content(body)
                .with(user("vic").roles("VIEWER")).with(csrf()), 403);
    }

    @Autowired
    AdoptionService adoptionService;
    @Autowired
    org.xiaoche.web.operator.OperatorService operatorService;
    @Autowired
    org.xiaoche.web.operator.OperatorCompanyRepository companies;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;

    /**
     * Rewrites a morning run's stored times: first stop at 07:10:05 with {@code boarding} students
     * leaving after 30 s + 5 s each, every later place as many seconds later; all within their minutes.
     */
    private void setBoarding(long planId, String run, int boarding) {
        double start_s = 7 * 3600 + 10 * 60 + 5, shift_s = 5 * (boarding - 1);
        jdbc.update("UPDATE plan_run_stop SET boarding = ?, arrival_s = ?, departure_s = ? WHERE plan_id = ? AND run_id = ? AND seq = 1",
                boarding, start_s, start_s + 30 + 5 * boarding, planId, run);
        List<Integer> later = jdbc.queryForList("SELECT seq FROM plan_run_stop WHERE plan_id = ? AND run_id = ? AND seq > 1 ORDER BY seq",
                Integer.class, planId, run);
        for (int seq : later) {
            double at_s = 7 * 3600 + (10 + 5 * seq) * 60 + 20 + shift_s;
            jdbc.update("UPDATE plan_run_stop SET arrival_s = ?, departure_s = ? WHERE plan_id = ? AND run_id = ? AND seq = ?",
                    at_s, at_s, planId, run, seq);
        }
        jdbc.update("UPDATE plan_run SET start_s = ?, end_s = ? WHERE plan_id = ? AND run_id = ?", start_s,
                7 * 3600 + (10 + 5 * later.size()) * 60 + 20 + shift_s, planId, run);
    }
}
