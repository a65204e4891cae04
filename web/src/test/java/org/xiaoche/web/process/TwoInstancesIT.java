package org.xiaoche.web.process;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.web.PostgisTestDatabase;
import org.xiaoche.web.job.JobScheduling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged services on one PostgreSQL schema and one shared data folder, as the README describes:
 * started at the same moment (one first admin, no failed start), jobs spread over both (one instance runs a
 * job at a time, so while it plans the other must take the jobs it is given) and none run
 * twice, and SIGKILL of the one running a job leaves that job failed with its reason by the other.
 */
@DisabledIfEnvironmentVariable(named = PostgisTestDatabase.SKIP_VARIABLE, matches = "1")
class TwoInstancesIT {

    @TempDir
    Path data;
    @TempDir
    Path inputs;
    final CrashIT db = new CrashIT();
    final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (ServiceProcess s : started) {
            s.close();
        }
        db.stopAll();
    }

    @Test
    void jobsSpreadOverBothAndAKilledInstancesJobIsFailedByTheOther() throws Exception {
        db.schema = db.newSchema("pair");
        db.data = data;
        Path osm = Files.copy(CrashIT.DEMO.resolve("demo-county.osm.gz"), inputs.resolve("demo-county.osm.gz"));
        Path schools = Files.copy(CrashIT.DEMO.resolve("schools.csv"), inputs.resolve("schools.csv"));
        Path students = Files.copy(CrashIT.DEMO.resolve("students.csv"), inputs.resolve("students.csv"));

        // Both start at once on an empty database: Flyway's lock and the unique admin name decide.
        // A runs one job at a time: while it plans, the jobs it is given must be taken by B.
        CompletableFuture<ServiceProcess> startA = CompletableFuture.supplyAsync(() -> start("node-a", "--xiaoche.jobs.threads=1"));
        CompletableFuture<ServiceProcess> startB = CompletableFuture.supplyAsync(() -> start("node-b"));
        ServiceProcess a = startA.join();
        ServiceProcess b = startB.join();
        assertEquals("1", db.scalar("SELECT count(*) FROM app_user WHERE username = 'admin'"));

        ServiceProcess.Session onA = CrashIT.planner(a, true);
        ServiceProcess.Session onB = CrashIT.planner(b, false);
        JsonNode created = onA.postMultipart("/api/regions", Map.of("name", "demo"), Map.of("osm", osm), 202);
        long region = created.path("region").path("id").asLong();
        db.awaitJob(created.path("job").path("id").asLong(), "succeeded", s -> true);
        // The graph A built is in the shared folder: B loads it for the upload.
        long rosterJob = onB.postMultipart("/api/regions/" + region + "/datasets", Map.of("name", "county"),
                Map.of("schools", schools, "students", students), 202).path("id").asLong();
        db.awaitJob(rosterJob, "succeeded", s -> true);
        long dataset = Long.parseLong(db.scalar("SELECT result_id FROM job WHERE id = " + rosterJob));

        // A plan (seconds of work) first, then eligibility runs, all given to A. If A runs the plan, its one job
        // thread is busy for longer than B's polling interval, so B claims eligibility runs; if B got the plan,
        // A is free and runs them at once. Either way both instances work, each job once.
        long firstPlan = onA.postJson("/api/plans", Map.of("datasetId", dataset), 202).path("id").asLong();
        db.awaitJob(firstPlan, "running", s -> true);
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(onA.postJson("/api/eligibility-runs", Map.of("datasetId", dataset), 202).path("id").asLong());
        }
        jobs.add(firstPlan);
        Set<String> workers = new HashSet<>();
        for (long job : jobs) {
            db.awaitJob(job, "succeeded", s -> true);
            workers.add(db.scalar("SELECT worker FROM job WHERE id = " + job).replaceAll("-[0-9a-f]{8}$", ""));
        }
        assertEquals(Set.of("node-a", "node-b"), workers, "jobs spread over the two instances");
        assertEquals("3", db.scalar("SELECT count(*) FROM eligibility_run"), "each job ran once");
        assertEquals("1", db.scalar("SELECT count(*) FROM plan"));

        long plan = onA.postJson("/api/plans", Map.of("datasetId", dataset), 202).path("id").asLong();
        db.awaitJob(plan, "running", s -> true);
        String worker = db.scalar("SELECT worker FROM job WHERE id = " + plan);
        ServiceProcess runner = worker.startsWith("node-a-") ? a : b;
        ServiceProcess other = runner == a ? b : a;
        runner.kill();
        // The survivor's queue notices the dead instance's job (missed heartbeats) and fails it.
        long deadline = System.currentTimeMillis() + 90_000;
        while (!"failed".equals(db.scalar("SELECT state FROM job WHERE id = " + plan)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("failed", db.scalar("SELECT state FROM job WHERE id = " + plan), "the survivor failed the cut-off job");
        assertEquals(JobScheduling.INTERRUPTED, db.scalar("SELECT message FROM job WHERE id = " + plan));
        assertEquals("1", db.scalar("SELECT count(*) FROM plan"), "nothing half-stored: only the first plan");
        assertTrue(CrashIT.planner(other, false).get("/api/jobs/" + plan).path("message").asText().startsWith("interrupted"));
    }

    private ServiceProcess start(String name, String... settings) {
        try {
            ServiceProcess s = ServiceProcess.start(data, PostgisTestDatabase.URL, db.schema, name, settings);
            synchronized (started) {
                started.add(s);
            }
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
