package org.xiaoche.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.mock.web.MockMultipartFile;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.RouteRules;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.account.UserAccountRepository;
import org.xiaoche.web.adoption.AdoptionService;
import org.xiaoche.web.operator.OperatorService;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Building blocks shared by the web tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * The default policy with grades 1-3's journey cap cut to {@code cap_s}: on the fixture village a
     * young rider beyond 2 km is then cap-infeasible (no trip keeps walk + wait + ride under it).
     */
    public static PlanningPolicy youngJourneyCap(double cap_s) {
        RouteRules d = RouteRules.defaults();
        return PlanningPolicy.defaults().withRoutes(new RouteRules(d.rideCap_s(), cap_s, d.childWalkSpeed_mps(),
                d.waitAtStop_s(), d.dwellFixed_s(), d.dwellPerStudent_s(), d.arrivalEarliestBeforeBell_s(),
                d.arrivalLatestBeforeBell_s(), d.chaperoneCostPerBusDay(), d.solverSeconds()));
    }

    public static MockMultipartFile osmPart() {
        return new MockMultipartFile("osm", "village.osm", "application/xml", WebTestSupport.fixture("region.osm"));
    }

    public static MockMultipartFile schoolsPart() {
        return new MockMultipartFile("schools", "schools.csv", "text/csv", WebTestSupport.fixture("schools.csv"));
    }

    public static MockMultipartFile studentsPart(String fixture) {
        return new MockMultipartFile("students", "students.csv", "text/csv", WebTestSupport.fixture(fixture));
    }

    /**
     * Makes {@code username} an operator account (created when missing) of a new company, adopts the
     * plan for the given term and assigns the company the buses named (every bus when none are): what
     * an operator needs before it sees a plan.
     *
     * @return the adoption's id
     */
    public static long adoptForOperator(AdoptionService adoptions, OperatorService operators, AccountService accounts,
                                        UserAccountRepository users, long planId, String username, String from, String to,
                                        String... busIds) {
        long company = operators.create(new OperatorService.CompanyInput("承运 " + username, "0535-1234567",
                "https://bus.example/")).id();
        if (users.findByUsername(username).isEmpty()) {
            accounts.create(username, "operator-test-pw", Role.OPERATOR);
        }
        operators.addMember(company, username);
        long adoption = adoptions.adopt(new AdoptionService.NewAdoption(planId, "学期 " + from, from, to), "planner").id();
        adoptions.assign(adoption, new AdoptionService.BusAssignment(company, busIds.length == 0 ? null : List.of(busIds)));
        return adoption;
    }

    /**
     * A roster upload through the API as {@code user}: the import job's end, and the job as the uploader
     * reads it from {@code /api/jobs/{id}} (with the problems when it refused the files).
     */
    public record RosterUpload(Job job, JsonNode view) {
        /** The dataset the job stored; fails the test when it did not succeed. */
        public long datasetId() {
            if (job.state() != JobState.SUCCEEDED) {
                throw new AssertionError("the roster import ended " + job.state() + ": " + view);
            }
            return job.resultId();
        }

        public JsonNode problems() {
            return view.get("problems");
        }
    }

    /** Sends the roster upload {@code request} as {@code user}, expects 202 and waits for its import job (2 min at most). */
    public static RosterUpload uploadRoster(MockMvc mvc, JobRepository jobs, MockHttpServletRequestBuilder request,
                                            RequestPostProcessor user) throws Exception {
        var accepted = mvc.perform(request.with(user).with(SecurityMockMvcRequestPostProcessors.csrf().asHeader()))
                .andReturn().getResponse();
        if (accepted.getStatus() != 202) {
            throw new AssertionError("roster upload answered " + accepted.getStatus() + ": " + accepted.getContentAsString());
        }
        long jobId = JSON.readTree(accepted.getContentAsString()).get("id").asLong();
        Job job = awaitFinished(jobs, jobId, Duration.ofMinutes(2));
        String view = mvc.perform(MockMvcRequestBuilders.get("/api/jobs/" + jobId).with(user)).andReturn().getResponse()
                .getContentAsString();
        return new RosterUpload(job, JSON.readTree(view));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits until the job has ended (or fails the test after {@code timeout}). */
    public static Job awaitFinished(JobRepository jobs, long jobId, Duration timeout) throws InterruptedException {
        return awaitState(jobs, jobId, timeout, null);
    }

    /** Waits until the job is in {@code state}, or any finished state when {@code state} is null. */
    public static Job awaitState(JobRepository jobs, long jobId, Duration timeout, JobState state) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Job job = jobs.findById(jobId).orElseThrow();
            if (state == null ? job.state().finished() : job.state() == state) {
                return job;
            }
            if (state != null && job.state().finished()) {
                throw new AssertionError("job " + jobId + " ended " + job.state() + " (" + job.message() + ") instead of reaching " + state);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " did not reach " + (state == null ? "an end" : state) + " within " + timeout
                + "; it is " + jobs.findById(jobId).orElseThrow());
    }
}
