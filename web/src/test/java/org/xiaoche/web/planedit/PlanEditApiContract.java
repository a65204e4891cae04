package org.xiaoche.web.planedit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.web.adoption.AdoptionService;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.plan.PlanRepository;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Editing a plan through the API, on each database: an edit stores a new version with its verdict and changes,
 * the parent stays as it was (adopted or not), the fix clears the violation, history and undo follow the versions,
 * edits that make no sense are refused naming the edit, only planners may edit, and answers are audited.
 */
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlanEditApiContract {

    static final RequestPostProcessor PLANNER = user("pia").roles("PLANNER");

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
    AdoptionService adoptions;
    @Autowired
    JdbcTemplate jdbc;

    EditablePlan fixture;

    @BeforeAll
    void data() throws Exception {
        fixture = EditablePlan.create(regions, datasets, jobs, planning, plans);
    }

    JsonNode post201(long planId, String body, String language) throws Exception {
        var response = mvc.perform(post("/api/plans/" + planId + "/edits").with(PLANNER).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).cookie(new jakarta.servlet.http.Cookie("xiaoche-lang", language)).content(body)).andReturn().getResponse();
        assertEquals(201, response.getStatus(), response.getContentAsString());
        return json.readTree(response.getContentAsString());
    }

    @Test
    void anEditThatBreaksTheCapIsANewVersionWithTheViolationAndTheFixClearsIt() throws Exception {
        byte[] parentBefore = PlanCodec.toBytes(plans.findPlanValue(fixture.planId()).orElseThrow());
        JsonNode broken = post201(fixture.planId(), fixture.breakingEdit(), "zh-CN");
        long brokenId = broken.get("planId").asLong();
        assertNotEquals(fixture.planId(), brokenId);
        assertEquals(fixture.planId(), broken.get("parentPlanId").asLong());
        assertFalse(broken.get("valid").asBoolean());
        List<String> rules = new ArrayList<>();
        broken.get("violations").forEach(v -> rules.add(v.get("rule").asText() + " " + v.get("subject").asText()));
        assertTrue(rules.contains("ride-cap E1") && rules.contains("ride-cap E2"), rules.toString());
        assertEquals(2, broken.get("studentsOverCaps").asInt());
        assertTrue(broken.get("changes").get(0).asText().startsWith("趟次 " + fixture.amRunId() + " 的停靠顺序改为"),
                broken.get("changes").toString());
        assertArrayEquals(parentBefore, PlanCodec.toBytes(plans.findPlanValue(fixture.planId()).orElseThrow()), "the parent is unchanged");
        assertTrue(plans.findById(fixture.planId()).orElseThrow().valid());
        var stored = plans.findPlanValue(brokenId).orElseThrow();
        assertEquals(List.of(fixture.nearStopId(), fixture.farStopId(), "S1"), stored.runs().stream()
                .filter(r -> r.direction() == RunDirection.AM).findFirst().orElseThrow().stops().stream().map(s -> s.placeId()).toList());
        // The stored rows follow the value: the run's timetable starts at the near stop.
        assertEquals(fixture.nearStopId(), plans.timetable(brokenId, fixture.amRunId()).get(0).placeId());
        // An edit moves nobody in or out of need: the summary's walkers and students are the parent's.
        assertFalse(plans.schoolEligibility(fixture.planId()).isEmpty());
        assertEquals(plans.schoolEligibility(fixture.planId()).toString(), plans.schoolEligibility(brokenId).toString());

        JsonNode fixed = post201(brokenId, fixture.fixingEdit(), "en");
        assertTrue(fixed.get("valid").asBoolean(), fixed.toString());
        assertEquals(0, fixed.get("violations").size());
        assertTrue(fixed.get("changes").get(0).asText().startsWith("Run " + fixture.amRunId() + " now calls at:"), fixed.toString());
        long fixedId = fixed.get("planId").asLong();

        JsonNode history = json.readTree(mvc.perform(get("/api/plans/" + fixedId + "/versions").with(PLANNER))
                .andReturn().getResponse().getContentAsString());
        assertEquals(List.of(fixedId, brokenId, fixture.planId()),
                List.of(history.get(0).get("planId").asLong(), history.get(1).get("planId").asLong(), history.get(2).get("planId").asLong()));
        assertEquals(0, history.get(2).get("changes").size(), "the planned plan has no edits");

        var undo = mvc.perform(post("/api/plans/" + fixedId + "/undo").with(PLANNER).with(csrf())).andReturn().getResponse();
        assertEquals(200, undo.getStatus());
        assertEquals(brokenId, json.readTree(undo.getContentAsString()).get("planId").asLong());
        assertEquals(409, mvc.perform(post("/api/plans/" + fixture.planId() + "/undo").with(PLANNER).with(csrf()))
                .andReturn().getResponse().getStatus(), "a planned plan has nothing to undo");
        assertTrue(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'read-student-ids' AND subject_id = ?",
                Long.class, brokenId) >= 1, "the violations name students");
    }

    @Test
    void movingAStopRedrawsItsRunsAndKeepsItOnTheRoad() throws Exception {
        String body = "[{\"type\":\"move-stop\",\"stopId\":\"" + fixture.nearStopId() + "\",\"lon\":0.018,\"lat\":0.0004}]";
        JsonNode moved = post201(fixture.planId(), body, "zh-CN");
        long id = moved.get("planId").asLong();
        var stop = plans.stops(id).stream().filter(s -> s.stopId().equals(fixture.nearStopId())).findFirst().orElseThrow();
        assertEquals(0.018, stop.location().lon(), 1e-6);
        assertEquals(0.0, stop.location().lat(), 1e-6);
        assertEquals(2, stop.studentCount());
        var line = plans.runs(id).stream().filter(r -> r.runId().equals(fixture.amRunId())).findFirst().orElseThrow().line();
        assertTrue(line.stream().anyMatch(p -> Math.abs(p.lon() - 0.018) < 1e-6), "the run's line passes the moved stop");
        assertTrue(moved.get("changes").get(0).asText().contains("沿道路移动了"), moved.toString());
    }

    @Test
    void anAdoptedPlanStaysAsAdoptedAndItsEditIsANewVersion() throws Exception {
        long adopted = planning.compute(fixture.datasetId(), plans.findPlanValue(fixture.planId()).orElseThrow().fleet(),
                plans.findPlanValue(fixture.planId()).orElseThrow().policy(), null, "setup",
                org.xiaoche.routing.progress.ProgressListener.NONE);
        adoptions.adopt(new AdoptionService.NewAdoption(adopted, "2027 春季学期", "2027-02-20", "2027-07-10"), "pia");
        byte[] before = PlanCodec.toBytes(plans.findPlanValue(adopted).orElseThrow());
        JsonNode edited = post201(adopted, fixture.breakingEdit(), "zh-CN");
        assertNotEquals(adopted, edited.get("planId").asLong());
        assertArrayEquals(before, PlanCodec.toBytes(plans.findPlanValue(adopted).orElseThrow()));
        assertEquals(409, mvc.perform(delete("/api/plans/" + adopted).with(PLANNER).with(csrf())).andReturn().getResponse().getStatus(),
                "the adopted plan stays read-only");
        assertEquals(204, mvc.perform(delete("/api/plans/" + edited.get("planId").asLong()).with(PLANNER).with(csrf()))
                .andReturn().getResponse().getStatus(), "its edited copy was never adopted");
    }

    @Test
    void editsThatMakeNoSenseAreRefusedNamingTheEdit() throws Exception {
        long count = jdbc.queryForObject("SELECT count(*) FROM plan", Long.class);
        var unknown = mvc.perform(post("/api/plans/" + fixture.planId() + "/edits").with(PLANNER).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("[{\"type\":\"move-student\",\"studentId\":\"E1\",\"toStopId\":\"nope\"}]"))
                .andReturn().getResponse();
        assertEquals(422, unknown.getStatus());
        JsonNode error = json.readTree(unknown.getContentAsString());
        assertEquals("invalid-edit", error.get("code").asText());
        assertTrue(error.get("message").asText().startsWith("edit 1 (move student E1 to stop nope)"), error.toString());
        // The same refusal coded for the page: the edit's place as the line, the reason's code and its values.
        JsonNode problem = error.at("/problems/0");
        assertEquals(List.of("edits", "1", "edit-unknown-stop", "[\"nope\"]", "the plan has no stop nope"),
                List.of(problem.get("file").asText(), problem.get("line").asText(), problem.get("code").asText(),
                        problem.get("args").toString(), problem.get("reason").asText()), error.toString());
        for (String bad : List.of("{}", "[]", "[{\"type\":\"set-bell\",\"schoolId\":\"S1\",\"bell\":\"soon\"}]", "not json")) {
            assertEquals(400, mvc.perform(post("/api/plans/" + fixture.planId() + "/edits").with(PLANNER).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(bad)).andReturn().getResponse().getStatus(), bad);
        }
        assertEquals(404, mvc.perform(post("/api/plans/999999/edits").with(PLANNER).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(fixture.breakingEdit())).andReturn().getResponse().getStatus());
        assertEquals(count, jdbc.queryForObject("SELECT count(*) FROM plan", Long.class), "nothing stored");
    }

    @Test
    void onlyPlannersEdit() throws Exception {
        for (RequestPostProcessor who : List.of(user("vic").roles("VIEWER"), user("ops").roles("OPERATOR"), user("ada").roles("ADMIN"))) {
            assertEquals(403, mvc.perform(post("/api/plans/" + fixture.planId() + "/edits").with(who).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(fixture.breakingEdit())).andReturn().getResponse().getStatus());
            assertEquals(403, mvc.perform(get("/api/plans/" + fixture.planId() + "/versions").with(who))
                    .andReturn().getResponse().getStatus());
            assertEquals(403, mvc.perform(post("/api/plans/" + fixture.planId() + "/undo").with(who).with(csrf()))
                    .andReturn().getResponse().getStatus());
        }
    }
}
