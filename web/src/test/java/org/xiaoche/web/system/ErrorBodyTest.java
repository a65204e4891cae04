package org.xiaoche.web.system;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.web.WebTestSupport;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A real database constraint error and exceptions that name server paths reach neither the error
 * body nor the log with their text: the body has a generic message and a code.
 */
@SpringBootTest
@ActiveProfiles("test")
class ErrorBodyTest {

    private static final String SECRET_ID = "STU-SECRET-4711";
    private static final String SERVER_PATH = "/srv/xiaoche/data/uploads/students-8812.csv";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    /** Endpoints that fail the ways real code can. */
    @RestController
    static class Faults {
        private final JdbcTemplate jdbc;

        Faults(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void insertTwice() {
            for (int i = 0; i < 2; i++) {
                jdbc.update("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, 'x', 'viewer', ?)",
                        SECRET_ID, Timestamp.from(Instant.now()));
            }
        }

        @GetMapping("/api/faults/constraint")
        String constraint() {
            insertTwice();
            return "unreachable";
        }

        @GetMapping("/api/faults/path")
        String path() throws Exception {
            throw new UncheckedIOException(new NoSuchFileException(SERVER_PATH));
        }

        @GetMapping("/api/faults/argument")
        String argument() {
            throw new IllegalArgumentException("cannot read " + SERVER_PATH + " for " + SECRET_ID);
        }

        @PostMapping("/api/faults/json")
        String json(@RequestBody Map<String, Object> body) {
            return "read";
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    ListAppender<ILoggingEvent> log;
    Logger logger;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM app_user WHERE username = ?", SECRET_ID);
        mvc = MockMvcBuilders.standaloneSetup(new Faults(jdbc)).setControllerAdvice(new ApiErrorHandler()).build();
        logger = (Logger) LoggerFactory.getLogger(ApiErrorHandler.class);
        log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    private void assertClean(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        assertFalse(body.contains(SECRET_ID) || body.contains("/srv/") || body.contains("students-8812")
                || body.toUpperCase().contains("APP_USER") || body.contains("Exception"), body);
        for (ILoggingEvent event : log.list) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            assertFalse(text.toString().contains(SECRET_ID) || text.toString().contains("/srv/"), text.toString());
        }
    }

    @Test
    void aConstraintErrorGivesAGenericBodyAndCode() throws Exception {
        jdbc.update("DELETE FROM app_user WHERE username = ?", SECRET_ID);
        DataIntegrityViolationException raw = assertThrows(DataIntegrityViolationException.class, new Faults(jdbc)::insertTwice);
        assertTrue(raw.getMessage().contains(SECRET_ID), "the database's own message quotes the row: " + raw.getMessage());
        jdbc.update("DELETE FROM app_user WHERE username = ?", SECRET_ID);

        MockHttpServletResponse response = mvc.perform(get("/api/faults/constraint").accept("application/json")).andReturn().getResponse();
        assertEquals(500, response.getStatus());
        assertTrue(response.getContentAsString().contains("\"code\":\"internal-error\""), response.getContentAsString());
        assertFalse(log.list.isEmpty(), "the failure is logged");
        assertTrue(log.list.get(0).getThrowableProxy() != null, "with its classes and frames");
        assertClean(response);
    }

    @Test
    void aPathBearingExceptionGivesAGenericBody() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/faults/path").accept("application/json")).andReturn().getResponse();
        assertEquals(500, response.getStatus());
        assertClean(response);
        MockHttpServletResponse argument = mvc.perform(get("/api/faults/argument").accept("application/json")).andReturn().getResponse();
        assertEquals(400, argument.getStatus());
        assertTrue(argument.getContentAsString().contains("\"code\":\"bad-request\""), argument.getContentAsString());
        assertClean(argument);
    }

    @Test
    void unreadableJsonIsA400InOurWords() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/faults/json").contentType("application/json").accept("application/json")
                .content("{\"name\": " + SECRET_ID + "}")).andReturn().getResponse();
        assertEquals(400, response.getStatus(), response.getContentAsString());
        assertTrue(response.getContentAsString().contains("\"code\":\"invalid-body\""), response.getContentAsString());
        assertClean(response);
    }
}
