package org.xiaoche.web.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xiaoche.web.XiaocheWebApplication;
import org.xiaoche.web.region.Region;
import org.xiaoche.web.region.RegionRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a process that died leaves behind is cleaned up when the service starts again: its running jobs
 * are failed with a reason (never left running), a region it was importing is failed, its half-built
 * graph folder and its upload copies are deleted. Each process has its own instance name.
 */
class JobRestartTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(XiaocheWebApplication.class).run(
                "--spring.profiles.active=test",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "--xiaoche.data-dir=" + dir.toAbsolutePath(),
                "--xiaoche.instance-name=node-1",
                "--server.port=0");
    }

    @Test
    void startAfterACrashFailsItsJobsAndRegionsAndRemovesItsFiles() throws Exception {
        long job;
        long region;
        String firstName;
        Path staging = dir.resolve("graph-cache").resolve("extract-abc-m200.importing-" + "0f3c");
        Path upload;
        try (ConfigurableApplicationContext first = start()) {
            firstName = first.getBean(Instances.class).self();
            assertTrue(firstName.startsWith("node-1-"), firstName);
            JobRepository jobs = first.getBean(JobRepository.class);
            RegionRepository regions = first.getBean(RegionRepository.class);
            // The state a kill -9 during an import leaves behind: a job claimed as running, its region
            // importing, a half-built graph folder and a roster copy, and no process running any of it.
            region = regions.insert("cut off", Path.of("regions/1/extract.osm"));
            job = jobs.insert("import-region", Map.of("regionId", Long.toString(region)), "t");
            assertTrue(jobs.claim(job, firstName));
            regions.markImporting(region, job);
            Files.createDirectories(staging);
            Files.writeString(staging.resolve("nodes"), "half");
            upload = first.getBean(JobUploads.class).newFolder();
            Files.writeString(upload.resolve("students.csv"), "student_id,lon,lat\nS1,118.1,36.1\n");
        }
        try (ConfigurableApplicationContext second = start()) {
            assertNotEquals(firstName, second.getBean(Instances.class).self(), "every process has its own name");
            JobRepository jobs = second.getBean(JobRepository.class);
            Job interrupted = jobs.findById(job).orElseThrow();
            assertEquals(JobState.FAILED, interrupted.state());
            assertEquals(JobScheduling.INTERRUPTED, interrupted.message());
            assertNotNull(interrupted.finishedAt());
            Region failed = second.getBean(RegionRepository.class).findById(region).orElseThrow();
            assertEquals(Region.FAILED, failed.state());
            assertTrue(failed.message().startsWith("import interrupted"), failed.message());
            assertFalse(Files.exists(staging), "the half-built graph folder is deleted");
            assertFalse(Files.exists(upload), "the upload copy (homes) is deleted");
        }
    }
}
