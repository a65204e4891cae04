package org.xiaoche.web.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xiaoche.web.account.AccountService;
import org.xiaoche.web.account.Role;
import org.xiaoche.web.account.UserAccountRepository;
import org.xiaoche.web.job.Job;
import org.xiaoche.web.job.JobService;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * With {@code xiaoche.demo=true}: on start, queues the {@link DemoStep} job unless the demo is
 * complete or already being built, and creates the users {@code planner}, {@code viewer} and
 * {@code operator} (password from {@code XIAOCHE_DEMO_PASSWORD}) when they are missing; {@code operator}
 * belongs to the demo operator company that runs the adopted demo plan.
 */
@Configuration
public class DemoBootstrap {

    private static final Logger log = LoggerFactory.getLogger(DemoBootstrap.class);

    private final XiaocheProperties properties;
    private final DemoStep demo;
    private final JobService jobs;
    private final JdbcTemplate jdbc;
    private final AccountService accounts;
    private final UserAccountRepository users;
    private final DemoOperator operator;
    private volatile Long lastJobId;

    public DemoBootstrap(XiaocheProperties properties, DemoStep demo, JobService jobs, JdbcTemplate jdbc,
                         AccountService accounts, UserAccountRepository users, DemoOperator operator) {
        this.operator = operator;
        this.properties = properties;
        this.demo = demo;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
    }

    /** The bundled demo county, or the three files of {@code xiaoche.demo-files-dir} when set. */
    @Bean
    static DemoFiles demoFiles(@Value("${xiaoche.demo-files-dir:}") String dir) {
        if (dir.isBlank()) {
            return new BundledDemoCounty();
        }
        return new DirectoryDemoFiles(Path.of(dir), "region.osm", "schools.csv", "students.csv");
    }

    @EventListener(ApplicationReadyEvent.class)
    public void bootstrap() {
        if (!properties.demo()) {
            return;
        }
        createDemoUsers();
        if (demo.complete()) {
            log.info("demo region is present");
            return;
        }
        Long unfinished = jdbc.queryForList("SELECT id FROM job WHERE kind = ? AND state IN ('queued', 'running')",
                Long.class, DemoStep.KIND).stream().findFirst().orElse(null);
        if (unfinished != null) {
            lastJobId = unfinished;
            return;
        }
        Job job = jobs.submit(DemoStep.KIND, Map.of(), "demo");
        lastJobId = job.id();
        log.info("building the demo region in job {}", job.id());
    }

    /** The demo job queued or found by the last start, if any. */
    public Optional<Long> lastJobId() {
        return Optional.ofNullable(lastJobId);
    }

    private void createDemoUsers() {
        String password = System.getenv("XIAOCHE_DEMO_PASSWORD");
        if (password == null || password.isBlank()) {
            if (users.findByUsername("planner").isEmpty()) {
                log.info("set XIAOCHE_DEMO_PASSWORD to also create demo users planner, viewer and operator");
            }
            return;
        }
        for (Role role : new Role[]{Role.PLANNER, Role.VIEWER, Role.OPERATOR}) {
            if (users.findByUsername(role.code()).isEmpty()) {
                accounts.create(role.code(), password, role);
            }
        }
        // When the demo plan was adopted before the account existed.
        operator.linkAccount();
    }
}
