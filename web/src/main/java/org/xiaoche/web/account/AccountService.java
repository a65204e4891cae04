package org.xiaoche.web.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiaoche.web.system.ApiException;

import java.util.List;

/**
 * Users: creation, login lookup, passwords, roles, disabling and deletion. Every change that takes
 * rights away (role, disable, reset, delete) ends the user's sessions at once, since a session keeps
 * the role it signed in with. At least one enabled admin always remains, and admins cannot lock
 * themselves out.
 */
@Service
public class AccountService implements UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final SessionRegistry sessions;

    public AccountService(UserAccountRepository users, PasswordEncoder encoder, SessionRegistry sessions) {
        this.users = users;
        this.encoder = encoder;
        this.sessions = sessions;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(account.username()).password(account.passwordHash())
                .roles(account.role().name()).disabled(!account.enabled()).build();
    }

    /**
     * @throws ApiException 400 for a bad name or weak password, 409 when the name is taken
     */
    public UserAccount create(String username, String password, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{2,100}")) {
            throw ApiException.coded(HttpStatus.BAD_REQUEST, "invalid-username", "user name must be 2-100 letters, digits or _ . @ -");
        }
        PasswordRule.check(username, password);
        if (users.findByUsername(username).isPresent()) {
            throw ApiException.coded(HttpStatus.CONFLICT, "user-exists", "user " + username + " already exists");
        }
        users.insert(username, encoder.encode(password), role);
        return users.findByUsername(username).orElseThrow();
    }

    public List<UserAccount> list() {
        return users.listAll();
    }

    /**
     * The signed-in user sets a new password; their other sessions end, this one stays.
     *
     * @throws ApiException 400 when the old password is wrong or the new one is weak
     */
    public void changeOwnPassword(String username, String oldPassword, String newPassword, String keepSessionId) {
        UserAccount self = users.findByUsername(username).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "sign in first"));
        if (oldPassword == null || !encoder.matches(oldPassword, self.passwordHash())) {
            throw ApiException.coded(HttpStatus.BAD_REQUEST, "wrong-password", "the current password is wrong");
        }
        PasswordRule.check(username, newPassword);
        if (newPassword.equals(oldPassword)) {
            throw ApiException.coded(HttpStatus.BAD_REQUEST, "password-unchanged", "the new password must differ from the current one");
        }
        users.updatePasswordHash(self.id(), encoder.encode(newPassword));
        endSessions(username, keepSessionId);
    }

    /** A new random password for a user, returned once (only its hash is kept); their sessions end. */
    public String resetPassword(long id) {
        UserAccount account = find(id);
        String password = PasswordRule.generate();
        users.updatePasswordHash(id, encoder.encode(password));
        endSessions(account.username(), null);
        return password;
    }

    /** @throws ApiException 409 for one's own role or the last enabled admin */
    @Transactional
    public UserAccount changeRole(long id, Role role, String currentUser) {
        UserAccount account = others(id, currentUser, "change your own role");
        if (account.role() != role) {
            keepAnAdmin(account);
            users.updateRole(id, role);
            endSessions(account.username(), null);
        }
        return find(id);
    }

    /** Disabling ends every session of the user at once; enabling lets them sign in again. */
    @Transactional
    public UserAccount setEnabled(long id, boolean enabled, String currentUser) {
        UserAccount account = others(id, currentUser, "disable your own account");
        if (!enabled && account.enabled()) {
            keepAnAdmin(account);
        }
        users.updateEnabled(id, enabled);
        if (!enabled) {
            endSessions(account.username(), null);
        }
        return find(id);
    }

    public void delete(long id, String currentUser) {
        UserAccount account = others(id, currentUser, "delete your own account");
        keepAnAdmin(account);
        if (!users.delete(id)) {
            throw ApiException.notFound("user", id);
        }
        endSessions(account.username(), null);
    }

    /** @throws ApiException 404 */
    public UserAccount get(long id) {
        return find(id);
    }

    private UserAccount find(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("user", id));
    }

    /** The user {@code id}, who must not be the caller. */
    private UserAccount others(long id, String currentUser, String what) {
        UserAccount account = find(id);
        if (account.username().equals(currentUser)) {
            throw ApiException.coded(HttpStatus.CONFLICT, "own-account", "you cannot " + what);
        }
        return account;
    }

    private void keepAnAdmin(UserAccount account) {
        if (account.role() == Role.ADMIN && account.enabled() && users.countEnabledAdmins() <= 1) {
            throw ApiException.coded(HttpStatus.CONFLICT, "last-admin", "the last enabled admin must stay");
        }
    }

    /** Ends every session of a user but {@code keepSessionId} (null: all): their next request, in any browser, is signed out. */
    void endSessions(String username, String keepSessionId) {
        for (Object principal : sessions.getAllPrincipals()) {
            String name = principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                sessions.getAllSessions(principal, false).stream()
                        .filter(s -> !s.getSessionId().equals(keepSessionId))
                        .forEach(SessionInformation::expireNow);
            }
        }
    }
}
