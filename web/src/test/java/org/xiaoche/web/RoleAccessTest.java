package org.xiaoche.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.web.dataset.DatasetService;
import org.xiaoche.web.eligibility.EligibilityStep;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.plan.PlanStep;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Each role sees exactly what it may (DESIGN §5): every GET endpoint is called by every role over
 * real data, and the status must be 200 where the role is allowed and 403 where it is not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessTest {

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
    EligibilityStep eligibility;
    @Autowired
    JobRepository jobs;
    @Autowired
    PlanStep planning;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;
    @Autowired
    org.xiaoche.web.adoption.AdoptionService adoptions;
    @Autowired
    org.xiaoche.web.operator.OperatorService operators;
    @Autowired
    org.xiaoche.web.operator.OperatorCompanyRepository companies;
    @Autowired
    org.xiaoche.web.account.AccountService accounts;
    @Autowired
    org.xiaoche.web.account.UserAccountRepository users;

    long regionId;
    long datasetId;
    long runId;
    long jobId;
    long planId;
    long draftPlanId;
    long adoptionId;
    String runIdOfPlan;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        regionId = created.region().id();
        jobId = created.job().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, jobId, Duration.ofSeconds(60)).state());
        Path dir = Files.createTempDirectory("roles");
        Files.write(dir.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.write(dir.resolve("students.csv"), WebTestSupport.fixture("students.csv"));
        datasetId = datasets.importFiles(regionId, "d", "wgs84", dir.resolve("schools.csv"), dir.resolve("students.csv"), "setup").id();
        runId = eligibility.compute(datasetId, PlanningPolicy.defaults(), null, ProgressListener.NONE);
        planId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
        runIdOfPlan = json.readTree(mvc.perform(get("/api/plans/" + planId + "/runs").with(user("p").roles("PLANNER")))
                .andReturn().getResponse().getContentAsString()).at("/0/runId").asText();
        // Operators see adopted plans only, with their company's buses: u-operator's company runs every bus of planId.
        adoptionId = Fixtures.adoptForOperator(adoptions, operators, accounts, users, planId, "u-operator", "2026-09-01", "2027-01-31");
        draftPlanId = planning.compute(datasetId, Fleet.defaults(), PlanningPolicy.defaults(), null, "setup", ProgressListener.NONE);
    }

    /** Endpoint, then the roles that get 200; every other role gets 403. */
    Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("/api/me", "admin planner viewer operator"),
                Arguments.of("/api/users", "admin"),
                Arguments.of("/api/audit", "admin"),
                Arguments.of("/api/regions", "admin planner viewer operator"),
                Arguments.of("/api/regions/{region}", "admin planner viewer operator"),
                Arguments.of("/api/regions/{region}/roads.geojson", "admin planner viewer operator"),
                Arguments.of("/api/regions/{region}/bus-roads.geojson", "admin planner viewer operator"),
                Arguments.of("/api/regions/{region}/dropped-bus-roads.geojson", "admin planner viewer operator"),
                Arguments.of("/api/jobs/{job}", "admin planner viewer operator"),
                Arguments.of("/api/datasets/{dataset}/schools.geojson", "planner viewer operator"),
                Arguments.of("/api/regions/{region}/datasets", "planner viewer"),
                Arguments.of("/api/eligibility-runs", "planner viewer"),
                Arguments.of("/api/eligibility-runs/{run}", "planner viewer"),
                Arguments.of("/api/eligibility-runs/{run}/students.geojson", "planner"),
                Arguments.of("/api/datasets/{dataset}/students.geojson", "planner"),
                Arguments.of("/api/plans", "planner viewer operator"),
                Arguments.of("/api/plans/{plan}", "planner viewer operator"),
                Arguments.of("/api/plans/{plan}/stops.geojson", "planner viewer operator"),
                Arguments.of("/api/plans/{plan}/routes.geojson", "planner viewer operator"),
                Arguments.of("/api/plans/{plan}/runs", "planner viewer operator"),
                Arguments.of("/api/plans/{plan}/runs/{planRun}/timetable", "planner viewer operator"),
                Arguments.of("/api/plans/{plan}/students.geojson", "planner"),
                Arguments.of("/api/plans/{plan}/summary", "planner viewer"),
                Arguments.of("/api/plans/{plan}/lists/unserved", "planner"),
                Arguments.of("/api/plans/{plan}/lists/cap-infeasible?format=xlsx", "planner"),
                Arguments.of("/api/adoptions", "planner viewer operator"),
                Arguments.of("/api/adoptions/{adoption}", "planner viewer operator"),
                Arguments.of("/api/adoptions/{adoption}/buses", "planner viewer"),
                Arguments.of("/api/operators", "admin planner viewer"),
                Arguments.of("/api/operators/{operator}/members", "admin planner"),
                Arguments.of("/", "admin planner viewer operator"),
                Arguments.of("/map/{region}", "admin planner viewer operator"),
                Arguments.of("/v3/api-docs", "admin planner viewer operator"));
    }

    @ParameterizedTest(name = "{0}: 200 for {1}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyWhatItMay(String template, String allowed) throws Exception {
        String path = template.replace("{region}", Long.toString(regionId)).replace("{dataset}", Long.toString(datasetId))
                .replace("{run}", Long.toString(runId)).replace("{job}", Long.toString(jobId))
                .replace("{plan}", Long.toString(planId)).replace("{planRun}", runIdOfPlan)
                .replace("{adoption}", Long.toString(adoptionId))
                .replace("{operator}", Long.toString(companies.companyOf("u-operator").orElseThrow()));
        for (String role : new String[]{"admin", "planner", "viewer", "operator"}) {
            int status = mvc.perform(get(path).accept(isPage(template) ? MediaType.TEXT_HTML : MediaType.ALL)
                    .with(user("u-" + role).roles(role.toUpperCase()))).andReturn().getResponse().getStatus();
            assertEquals(allowed.contains(role) ? 200 : 403, status, role + " GET " + path);
        }
        // Browsers asking for a page go to the login page; JSON clients get 401.
        assertEquals(isPage(template) ? 302 : 401,
                mvc.perform(get(path).accept(isPage(template) ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON))
                        .andReturn().getResponse().getStatus(), "anonymous GET " + path);
    }

    /** Pages are asked for as a browser asks (HTML); API and docs as a client does. */
    private static boolean isPage(String template) {
        return template.equals("/") || template.startsWith("/map/");
    }

    @ParameterizedTest(name = "{0} may not start an eligibility run")
    @MethodSource("nonPlanners")
    void onlyPlannersChangeData(String role) throws Exception {
        assertEquals(403, mvc.perform(post("/api/eligibility-runs").contentType("application/json")
                .content("{\"datasetId\": " + datasetId + "}").with(user("u").roles(role)).with(csrf())).andReturn().getResponse().getStatus());
        assertEquals(403, mvc.perform(post("/api/plans").contentType("application/json")
                .content("{\"datasetId\": " + datasetId + "}").with(user("u").roles(role)).with(csrf())).andReturn().getResponse().getStatus());
        assertEquals(403, mvc.perform(post("/api/jobs/" + jobId + "/cancel").with(user("u").roles(role)).with(csrf()))
                .andReturn().getResponse().getStatus());
        assertEquals(403, mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/datasets/" + datasetId).with(user("u").roles(role)).with(csrf())).andReturn().getResponse().getStatus());
    }

    Stream<String> nonPlanners() {
        return Stream.of("ADMIN", "VIEWER", "OPERATOR");
    }

    @org.junit.jupiter.api.Test
    void writesWithoutCsrfTokenAreRefusedAsJson() throws Exception {
        var response = mvc.perform(post("/api/eligibility-runs").contentType("application/json")
                .content("{\"datasetId\": " + datasetId + "}").with(user("p").roles("PLANNER"))).andReturn().getResponse();
        assertEquals(403, response.getStatus());
        org.junit.jupiter.api.Assertions.assertTrue(response.getContentAsString().contains("CSRF"), response.getContentAsString());
    }

    /**
     * Operators get routes, stops and times, never a count of students, a student id or a home; viewers
     * get counts but no student ids. Checked on every plan response by key name and by content.
     */
    @org.junit.jupiter.api.Test
    void operatorsSeeNoStudentCountsAndViewersNoStudentIds() throws Exception {
        String[] paths = {"/api/plans", "/api/plans/" + planId, "/api/plans/" + planId + "/stops.geojson",
                "/api/plans/" + planId + "/routes.geojson", "/api/plans/" + planId + "/runs",
                "/api/plans/" + planId + "/runs/" + runIdOfPlan + "/timetable"};
        java.util.Set<String> countKeys = java.util.Set.of("students", "young_pupils", "boarding", "alighting", "loadAfter",
                "needingTransport", "transported", "unserved", "capInfeasible", "studentsOverCaps", "rideP50_s", "violations",
                "busesBeyondFleet", "unservedByReason", "walkOverLimit", "solverWallCapHits");
        for (String path : paths) {
            String operator = body(path, "OPERATOR");
            java.util.List<String> keys = new java.util.ArrayList<>();
            collectKeys(json.readTree(operator), keys);
            for (String key : keys) {
                org.junit.jupiter.api.Assertions.assertFalse(countKeys.contains(key), "operator sees '" + key + "' in " + path + ": " + operator);
            }
            org.junit.jupiter.api.Assertions.assertFalse(operator.contains("students)"), "verdict counts students: " + operator);
            for (String role : new String[]{"OPERATOR", "VIEWER"}) {
                String text = body(path, role);
                for (String studentId : new String[]{"P1", "P2", "P3"}) {
                    org.junit.jupiter.api.Assertions.assertFalse(text.contains("\"" + studentId + "\""), role + " sees " + studentId + " in " + path);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(body("/api/plans/" + planId + "/stops.geojson", "VIEWER").contains("\"students\""));
        // Both parts of the verdict reach operators as words only.
        com.fasterxml.jackson.databind.JsonNode operatorPlan = json.readTree(body("/api/plans/" + planId, "OPERATOR"));
        assertEquals("VALID", operatorPlan.get("validatorVerdict").asText());
        assertEquals("COMPLETE", operatorPlan.get("coverageVerdict").asText());
        org.junit.jupiter.api.Assertions.assertTrue(operatorPlan.get("coverageComplete").asBoolean());
        org.junit.jupiter.api.Assertions.assertTrue(body("/api/plans/" + planId + "/stops.geojson", "OPERATOR").contains("\"arrival_times\""));
        // Times to the minute: seconds would give the dwell, and with it the boarding counts, back.
        // (The plan views carry only createdAt, an instant, and no time of a run.)
        for (String path : java.util.Arrays.copyOfRange(paths, 2, paths.length)) {
            String operator = body(path, "OPERATOR");
            org.junit.jupiter.api.Assertions.assertFalse(java.util.regex.Pattern.compile("\\d\\d:\\d\\d:\\d\\d").matcher(operator).find(),
                    "operator times to the minute in " + path + ": " + operator);
            org.junit.jupiter.api.Assertions.assertTrue(java.util.regex.Pattern.compile("\\d\\d:\\d\\d").matcher(operator).find(),
                    "times in " + path + ": " + operator);
        }
        org.junit.jupiter.api.Assertions.assertTrue(java.util.regex.Pattern.compile("\\d\\d:\\d\\d:\\d\\d")
                .matcher(body("/api/plans/" + planId + "/runs/" + runIdOfPlan + "/timetable", "VIEWER")).find(), "viewers keep seconds");
    }

    /**
     * A plan that is not adopted (a draft) does not exist for operators: it is not listed and every
     * plan endpoint answers 404, while planners and viewers get it.
     */
    @org.junit.jupiter.api.Test
    void operatorsSeeNoDraftPlans() throws Exception {
        String draftRun = json.readTree(body("/api/plans/" + draftPlanId + "/runs", "PLANNER")).at("/0/runId").asText();
        for (String path : new String[]{"/api/plans/" + draftPlanId, "/api/plans/" + draftPlanId + "/stops.geojson",
                "/api/plans/" + draftPlanId + "/routes.geojson", "/api/plans/" + draftPlanId + "/runs",
                "/api/plans/" + draftPlanId + "/runs/" + draftRun + "/timetable"}) {
            assertEquals(404, mvc.perform(get(path).with(user("u-operator").roles("OPERATOR"))).andReturn().getResponse().getStatus(), path);
            assertEquals(200, mvc.perform(get(path).with(user("u-viewer").roles("VIEWER"))).andReturn().getResponse().getStatus(), path);
        }
        java.util.List<Long> listed = new java.util.ArrayList<>();
        json.readTree(body("/api/plans", "OPERATOR")).forEach(p -> listed.add(p.get("id").asLong()));
        assertEquals(java.util.List.of(planId), listed, "operators list the adopted plan only");
        java.util.List<Long> all = new java.util.ArrayList<>();
        json.readTree(body("/api/plans", "VIEWER")).forEach(p -> all.add(p.get("id").asLong()));
        assertEquals(java.util.List.of(draftPlanId, planId), all, "viewers list drafts too");
    }

    private String body(String path, String role) throws Exception {
        var response = mvc.perform(get(path).with(user("u-" + role.toLowerCase()).roles(role))).andReturn().getResponse();
        assertEquals(200, response.getStatus(), role + " " + path);
        return response.getContentAsString();
    }

    private static void collectKeys(com.fasterxml.jackson.databind.JsonNode node, java.util.List<String> keys) {
        node.fieldNames().forEachRemaining(keys::add);
        node.elements().forEachRemaining(child -> collectKeys(child, keys));
    }
}
