package org.xiaoche.web.map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;
import org.xiaoche.web.region.RegionService;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roster upload form follows the import job: a rejected file lists each problem with its line and
 * column, in Chinese by default and in English on request; an accepted one goes on show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfEnvironmentVariable(named = HeadlessChromium.SKIP_VARIABLE, matches = "1")
class RosterUploadBrowserTest {

    private static final String PASSWORD = "browser-test-pw";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    RegionService regions;
    @Autowired
    JobRepository jobs;
    @Autowired
    AccountService accounts;

    long regionId;
    Path files;
    MapPage page;

    @BeforeAll
    void data() throws Exception {
        RegionService.Created created = regions.create("村", "village.osm", new ByteArrayInputStream(WebTestSupport.fixture("region.osm")), "setup");
        regionId = created.region().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
        accounts.create("planner", PASSWORD, Role.PLANNER);
        files = Files.createTempDirectory("roster-upload");
        Files.write(files.resolve("schools.csv"), WebTestSupport.fixture("schools.csv"));
        Files.createDirectories(files.resolve("bad"));
        Files.write(files.resolve("bad/students.csv"), WebTestSupport.fixture("students-bad.csv"));
        Files.write(files.resolve("students.csv"), WebTestSupport.fixture("students.csv"));
    }

    @AfterEach
    void quit() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private String upload(Path students) {
        page.browser.findElement(By.cssSelector("#dataset-upload-form input[name=schools]")).sendKeys(files.resolve("schools.csv").toString());
        page.browser.findElement(By.cssSelector("#dataset-upload-form input[name=students]")).sendKeys(students.toString());
        page.js("document.querySelector('#dataset-upload-result').textContent = '';");
        page.browser.findElement(By.cssSelector("#dataset-upload-form button[type=submit]")).click();
        page.await(60).until(d -> !d.findElement(By.id("dataset-upload-result")).getText().isBlank());
        return page.text("#dataset-upload-result");
    }

    @Test
    void problemsInChineseThenInEnglishThenTheRosterOnShow() {
        page = MapPage.signIn(port, "planner", PASSWORD);
        page.browser.get("http://localhost:" + port + "/map/" + regionId);
        page.awaitReady();
        String zh = upload(files.resolve("bad/students.csv"));
        assertTrue(zh.contains("students.csv 被拒绝，未导入任何内容"), zh);
        assertTrue(zh.contains("students.csv，第 3 行，列“school_id”：学校编号“S9”不在学校名单里"), zh);
        assertTrue(zh.contains("students.csv，第 4 行，列“grade”：'twelve' 不是整数"), zh);
        assertFalse(zh.contains("unknown school"), "no English reason on the Chinese page: " + zh);
        String progress = page.text("#job-stage");
        assertTrue(progress.contains("students.csv 被拒绝") && !progress.contains("rejected"), "the progress line in Chinese too: " + progress);

        page.browser.get("http://localhost:" + port + "/map/" + regionId + "?lang=en");
        page.awaitReady();
        String en = upload(files.resolve("bad/students.csv"));
        assertTrue(en.contains("students.csv was rejected and nothing was imported"), en);
        assertTrue(en.contains("students.csv, line 3, column \"school_id\": unknown school id \"S9\""), en);

        String accepted = upload(files.resolve("students.csv"));
        assertTrue(accepted.contains("(1 / 3)"), accepted);
        page.await(30).until(d -> page.count("schools") == 1);
    }
}
