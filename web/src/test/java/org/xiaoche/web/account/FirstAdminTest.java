package org.xiaoche.web.account;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The generated first-admin password is printed once on the console and never reaches the log. */
class FirstAdminTest {

    @Test
    void generatedPasswordGoesToTheConsoleNotTheLog() {
        UserAccountRepository users = mock(UserAccountRepository.class);
        AccountService accounts = mock(AccountService.class);
        when(users.count()).thenReturn(0L);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Logger logger = (Logger) LoggerFactory.getLogger(FirstAdmin.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            new FirstAdmin(users, accounts, new MockEnvironment(), new PrintStream(console, true, StandardCharsets.UTF_8))
                    .createIfNoUsers();
        } finally {
            logger.detachAppender(log);
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("password {2}(\\S{16})").matcher(printed);
        assertTrue(m.find(), printed);
        String password = m.group(1);
        verify(accounts).create(eq(FirstAdmin.USERNAME), eq(password), eq(Role.ADMIN));
        assertFalse(log.list.isEmpty(), "the log says an admin was created");
        for (ILoggingEvent event : log.list) {
            assertFalse(event.getFormattedMessage().contains(password), event.getFormattedMessage());
        }
    }

    @Test
    void passwordFromTheEnvironmentIsNeitherPrintedNorLogged() {
        UserAccountRepository users = mock(UserAccountRepository.class);
        AccountService accounts = mock(AccountService.class);
        when(users.count()).thenReturn(0L);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new FirstAdmin(users, accounts, new MockEnvironment().withProperty("XIAOCHE_ADMIN_PASSWORD", "given-secret-123"),
                new PrintStream(console, true, StandardCharsets.UTF_8)).createIfNoUsers();
        verify(accounts).create(eq(FirstAdmin.USERNAME), anyString(), eq(Role.ADMIN));
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("given-secret-123"));
    }

    @Test
    void anotherInstanceCreatingTheAdminFirstIsNoErrorAndPrintsNoPassword() {
        UserAccountRepository users = mock(UserAccountRepository.class);
        AccountService accounts = mock(AccountService.class);
        when(users.count()).thenReturn(0L);
        // Both instances saw no users; the other one's insert won the unique user name.
        when(accounts.create(eq(FirstAdmin.USERNAME), anyString(), eq(Role.ADMIN)))
                .thenThrow(new org.springframework.dao.DuplicateKeyException("app_user_username_key"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new FirstAdmin(users, accounts, new MockEnvironment(), new PrintStream(console, true, StandardCharsets.UTF_8))
                .createIfNoUsers();
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("password"), "a password that was never stored is not shown");
    }
}
