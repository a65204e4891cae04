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
import org.xiaoche.web.system.ApiException;

import java.util.List;

/** Creates users and looks them up for login. */
@Service
public class AccountService implements UserDetailsService {

    /** Shorter passwords are refused: accounts guard the homes of minors. */
    public static final int MIN_PASSWORD_LENGTH = 10;

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
                .roles(account.role().name()).build();
    }

    /**
     * @throws ApiException 400 for a bad name or short password, 409 when the name is taken
     */
    public UserAccount create(String username, String password, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{2,100}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "user name must be 2-100 letters, digits or _ . @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "user " + username + " already exists");
        }
        users.insert(username, encoder.encode(password), role);
        return users.findByUsername(username).orElseThrow();
    }

    public List<UserAccount> list() {
        return users.listAll();
    }

    public void delete(long id, String currentUser) {
        UserAccount self = users.findByUsername(currentUser).orElse(null);
        if (self != null && self.id() == id) {
            throw new ApiException(HttpStatus.CONFLICT, "you cannot delete your own account");
        }
        UserAccount account = users.findById(id).orElseThrow(() -> ApiException.notFound("user", id));
        if (!users.delete(id)) {
            throw ApiException.notFound("user", id);
        }
        endSessions(account.username());
    }

    /** Ends every session of a user at once: their next request, in any browser, is signed out. */
    void endSessions(String username) {
        for (Object principal : sessions.getAllPrincipals()) {
            String name = principal instanceof UserDetails details ? details.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
