package org.xiaoche.web.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * On the very first start (no users at all) creates the user {@code admin}, with the password from
 * {@code XIAOCHE_ADMIN_PASSWORD} or, when that is not set, a generated one printed once on the console (never to the log): it is
 * stored only as a hash, so this is the only time anyone sees it.
 */
@Component
public class FirstAdmin {

    public static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccountRepository users;
    private final AccountService accounts;
    private final Environment environment;
    private final PrintStream console;

    @Autowired
    public FirstAdmin(UserAccountRepository users, AccountService accounts, Environment environment) {
        this(users, accounts, environment, System.out);
    }

    FirstAdmin(UserAccountRepository users, AccountService accounts, Environment environment, PrintStream console) {
        this.users = users;
        this.accounts = accounts;
        this.environment = environment;
        this.console = console;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void createIfNoUsers() {
        if (users.count() > 0) {
            return;
        }
        String password = environment.getProperty("XIAOCHE_ADMIN_PASSWORD");
        if (password != null && !password.isBlank()) {
            if (!createUnlessAnotherInstanceDid(password)) {
                return;
            }
            log.info("created user '{}' with the password from XIAOCHE_ADMIN_PASSWORD", USERNAME);
            return;
        }
        password = PasswordRule.generate();
        if (!createUnlessAnotherInstanceDid(password)) {
            return;
        }
        log.warn("first start: created user '{}' with a generated password, printed once on the console (not in the log)", USERNAME);
        // On the console only, never through the logger: log files are kept, shipped and read by others.
        console.println("\n\n  First start: created user '" + USERNAME + "' with password  " + password
                + "\n  It is shown only this once; sign in and create the other users.\n");
        console.flush();
    }

    /**
     * Creates the admin; false when another instance starting on the same database created it first (the
     * user name is unique in the database, so exactly one insert wins and only its password is printed).
     */
    private boolean createUnlessAnotherInstanceDid(String password) {
        try {
            accounts.create(USERNAME, password, Role.ADMIN);
            return true;
        } catch (DataIntegrityViolationException e) {
            log.info("user '{}' was created by another instance starting at the same time", USERNAME);
            return false;
        } catch (org.xiaoche.web.system.ApiException e) {
            if (e.status() != org.springframework.http.HttpStatus.CONFLICT) {
                throw e;
            }
            log.info("user '{}' was created by another instance starting at the same time", USERNAME);
            return false;
        }
    }

}
