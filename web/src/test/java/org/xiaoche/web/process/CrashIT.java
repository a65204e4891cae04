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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service killed with SIGKILL in the middle of each kind of long work (a region import, a
 * roster upload, an eligibility run, a plan) and started again: every interrupted job is shown failed
 * with its reason, nothing half-stored is left in the database, and no half-built graph folder or upload
 * copy (homes) is left on disk.
 */
@DisabledIfEnvironmentVariable(named = PostgisTestDatabase.SKIP_VARIABLE, matches = "1")
class CrashIT {

    /** The demo county, reached from the web module's folder. */
    static final Path DEMO = Path.of("..", "osm-data", "demo");

    @TempDir
    Path data;
    @TempDir
    Path inputs;
    final List<ServiceProcess> started = new ArrayList<>();
    String schema;

    @AfterEach
    void stopAll() throws Exception {
        for (ServiceProcess s : started) {
            s.close();
        }
        if (schema != null) {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void killedDuringEachKindOfWorkTheServiceStartsAgainClean() throws Exception {
        schema = newSchema("crash");
        Path osm = Files.copy(DEMO.resolve("demo-county.osm.gz"), inputs.resolve("demo-county.osm.gz"));
        Path schools = Files.copy(DEMO.resolve("schools.csv"), inputs.resolve("schools.csv"));
        // Enough homes that the eligibility run outlasts the plan job's start (300,000 students).
        Path manyStudents = manyStudents(inputs.resolve("students.csv"), 100);
        // Big enough that its import job is still storing students when the other two are under way.
        Path manyRoster = manyStudents(inputs.resolve("students-x400.csv"), 400);

        ServiceProcess service = start("crash");
        ServiceProcess.Session planner = planner(service, true);

        // 1. a region import
        JsonNode created = planner.postMultipart("/api/regions", Map.of("name", "demo"), Map.of("osm", osm), 202);
        long region = created.path("region").path("id").asLong();
        long importJob = created.path("job").path("id").asLong();
        awaitJob(importJob, "running", stage -> stage.equals("import road network"));
        service = restartAfterKill(service);
        assertInterrupted(importJob);
        assertEquals("failed", scalar("SELECT state FROM region WHERE id = " + region));
        assertNothingLeftOnDisk(service);

        // 2. a roster upload (its import job), an eligibility run and a plan, all at once
        planner = planner(service, false);
        created = planner.postMultipart("/api/regions", Map.of("name", "demo again"), Map.of("osm", osm), 202);
        region = created.path("region").path("id").asLong();
        awaitJob(created.path("job").path("id").asLong(), "succeeded", s -> true);
        long big = uploadedDataset(planner.postMultipart("/api/regions/" + region + "/datasets", Map.of("name", "county x100"),
                Map.of("schools", schools, "students", manyStudents), 202));
        long small = uploadedDataset(planner.postMultipart("/api/regions/" + region + "/datasets", Map.of("name", "county"),
                Map.of("schools", schools, "students", Files.copy(DEMO.resolve("students.csv"), inputs.resolve("demo.csv"))), 202));
        String datasets = scalar("SELECT count(*) FROM dataset");
        String students = scalar("SELECT count(*) FROM student");
        // The big roster first: its import outlasts the plan and the eligibility run started beside it.
        long rosterJob = planner.postMultipart("/api/regions/" + region + "/datasets", Map.of("name", "county again"),
                Map.of("schools", schools, "students", manyRoster), 202).path("id").asLong();
        awaitJob(rosterJob, "running", s -> s.equals("read and store students"));
        long planJob = planner.postJson("/api/plans", Map.of("datasetId", small), 202).path("id").asLong();
        long eligibilityJob = planner.postJson("/api/eligibility-runs", Map.of("datasetId", big), 202).path("id").asLong();
        // Kill when all three are under way at once.
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        while (!(isRunning(eligibilityJob, s -> true) && isRunning(planJob, s -> !s.equals("started") && !s.equals("load road network"))
                && isRunning(rosterJob, s -> s.equals("read and store students")) && uploadCopyExists())) {
            assertTrue(Instant.now().isBefore(end), "the three never ran at once");
            Thread.sleep(10);
        }
        service = restartAfterKill(service);
        assertInterrupted(eligibilityJob);
        assertInterrupted(planJob);
        assertInterrupted(rosterJob);
        assertEquals(datasets, scalar("SELECT count(*) FROM dataset"), "no dataset half-stored");
        assertEquals(students, scalar("SELECT count(*) FROM student"), "no students half-stored");
        assertEquals("0", scalar("SELECT count(*) FROM eligibility_run"), "no eligibility run half-stored");
        assertEquals("0", scalar("SELECT count(*) FROM plan"), "no plan half-stored");
        assertNothingLeftOnDisk(service);
        assertTrue(planner(service, false).get("/api/jobs/" + planJob).path("message").asText().startsWith("interrupted"));
    }

    ServiceProcess start(String name) throws Exception {
        // A roster import, an eligibility run and a plan run at once when the service is killed.
        ServiceProcess s = ServiceProcess.start(data, PostgisTestDatabase.URL, schema, name, "--xiaoche.jobs.threads=3");
        started.add(s);
        return s;
    }

    private ServiceProcess restartAfterKill(ServiceProcess service) throws Exception {
        service.kill();
        return start("crash");
    }

    /** Signs in as the planner, whom the admin creates on the first call. */
    static ServiceProcess.Session planner(ServiceProcess service, boolean create) throws Exception {
        if (create) {
            service.new Session("admin", ServiceProcess.ADMIN_PASSWORD)
                    .postJson("/api/users", Map.of("username", "planner", "password", "planner-pass-1", "role", "planner"), 201);
        }
        return service.new Session("planner", "planner-pass-1");
    }

    private void assertInterrupted(long jobId) throws Exception {
        assertEquals("failed", scalar("SELECT state FROM job WHERE id = " + jobId));
        assertEquals(JobScheduling.INTERRUPTED, scalar("SELECT message FROM job WHERE id = " + jobId));
    }

    /** No half-built graph folder, and no file under uploads but the live instance's own Tomcat work files. */
    private void assertNothingLeftOnDisk(ServiceProcess live) throws Exception {
        Path cache = data.resolve("graph-cache");
        if (Files.isDirectory(cache)) {
            try (Stream<Path> s = Files.list(cache)) {
                List<Path> staging = s.filter(p -> p.getFileName().toString().contains(".importing-")).toList();
                assertEquals(List.of(), staging, "half-built graph folders");
            }
        }
        Path uploads = data.resolve("uploads");
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> s = Files.walk(uploads)) {
                List<Path> copies = s.filter(Files::isRegularFile).filter(p -> !isTomcatWorkFile(uploads, p))
                        .toList();
                assertEquals(List.of(), copies, "upload copies left");
            }
            try (Stream<Path> s = Files.list(uploads)) {
                assertEquals(1, s.count(), "only the live instance's upload folder is left");
            }
        }
    }

    private static boolean isTomcatWorkFile(Path uploads, Path p) {
        Path relative = uploads.relativize(p);
        return relative.getNameCount() > 1 && relative.getName(1).toString().equals("tomcat")
                && !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                && !p.getFileName().toString().endsWith(".tmp");
    }

    /** The roster upload's copy is on disk: its import job holds it. */
    private boolean uploadCopyExists() throws Exception {
        Path uploads = data.resolve("uploads");
        if (!Files.isDirectory(uploads)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(uploads)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("students"));
        }
    }

    /** Waits for the roster upload's import job and returns the dataset it stored. */
    private long uploadedDataset(JsonNode accepted) throws Exception {
        long jobId = accepted.path("id").asLong();
        awaitJob(jobId, "succeeded", s -> true);
        return Long.parseLong(scalar("SELECT result_id FROM job WHERE id = " + jobId));
    }

    /** The job is running at a stage {@code stage} accepts; fails the test when it has ended. */
    private boolean isRunning(long jobId, Predicate<String> stage) throws Exception {
        String row = scalar("SELECT state || '|' || coalesce(stage, '') FROM job WHERE id = " + jobId);
        String[] parts = row.split("\\|", 2);
        if (!parts[0].equals("queued") && !parts[0].equals("running")) {
            throw new AssertionError("job " + jobId + " ended " + row + " before the kill");
        }
        return parts[0].equals("running") && stage.test(parts[1]);
    }

    /** Polls the job row until it is in {@code state} with a stage {@code stage} accepts. */
    void awaitJob(long jobId, String state, Predicate<String> stage) throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(2));
        String seen = "";
        while (Instant.now().isBefore(end)) {
            String row = scalar("SELECT state || '|' || coalesce(stage, '') FROM job WHERE id = " + jobId);
            seen = row;
            String[] parts = row.split("\\|", 2);
            if (parts[0].equals(state) && stage.test(parts[1])) {
                return;
            }
            if (!parts[0].equals("queued") && !parts[0].equals("running")) {
                throw new AssertionError("job " + jobId + " ended " + row + " before reaching " + state);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " did not reach " + state + "; last " + seen);
    }

    /** The demo roster's students {@code times} over, with new ids: enough work to be caught in the middle. */
    static Path manyStudents(Path target, int times) throws Exception {
        List<String> lines = Files.readAllLines(DEMO.resolve("students.csv"));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (int t = 0; t < times; t++) {
            for (String line : lines.subList(1, lines.size())) {
                out.add("C" + t + "-" + line);
            }
        }
        return Files.write(target, out);
    }

    String newSchema(String prefix) throws Exception {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql("CREATE EXTENSION IF NOT EXISTS postgis");
        sql("CREATE SCHEMA " + name);
        return name;
    }

    static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgisTestDatabase.URL, PostgisTestDatabase.USER, "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    String scalar(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgisTestDatabase.URL + "?currentSchema=" + schema + ",public",
                PostgisTestDatabase.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
