package org.xiaoche.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.web.system.ApiException;

import java.time.Instant;
import java.util.List;

/** Users (admin only) and the caller's own account (everyone). */
@RestController
public class UserController {

    public record UserView(long id, String username, String role, boolean enabled, Instant createdAt) {
        static UserView of(UserAccount a) {
            return new UserView(a.id(), a.username(), a.role().code(), a.enabled(), a.createdAt());
        }
    }

    public record NewUser(String username, String password, String role) {
    }

    public record Me(String username, String role) {
    }

    public record PasswordChange(String oldPassword, String newPassword) {
    }

    public record RoleChange(String role) {
    }

    /** Shown to the admin once: only its hash is stored. */
    public record PasswordReset(String username, String oneTimePassword) {
    }

    private final AccountService accounts;

    public UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    public Me me(Authentication auth) {
        CurrentUser me = CurrentUser.of(auth);
        return new Me(me.username(), me.role());
    }

    /** The signed-in user's new password ({@link PasswordRule}); the old one is required. Other sessions end. */
    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void changePassword(@RequestBody PasswordChange change, Authentication auth, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        accounts.changeOwnPassword(auth.getName(), change.oldPassword(), change.newPassword(), session == null ? null : session.getId());
    }

    @GetMapping("/api/users")
    public List<UserView> list() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    public UserView create(@RequestBody NewUser user) {
        return UserView.of(accounts.create(user.username(), user.password(), role(user.role())));
    }

    @PutMapping("/api/users/{id}/role")
    public UserView changeRole(@PathVariable long id, @RequestBody RoleChange change, Authentication auth) {
        return UserView.of(accounts.changeRole(id, role(change.role()), auth.getName()));
    }

    /** Ends all the user's sessions at once. */
    @PostMapping("/api/users/{id}/disable")
    public UserView disable(@PathVariable long id, Authentication auth) {
        return UserView.of(accounts.setEnabled(id, false, auth.getName()));
    }

    @PostMapping("/api/users/{id}/enable")
    public UserView enable(@PathVariable long id, Authentication auth) {
        return UserView.of(accounts.setEnabled(id, true, auth.getName()));
    }

    /** A new random password, in this answer only; the user's sessions end. */
    @PostMapping("/api/users/{id}/password-reset")
    public PasswordReset resetPassword(@PathVariable long id) {
        String username = accounts.get(id).username();
        return new PasswordReset(username, accounts.resetPassword(id));
    }

    private static Role role(String code) {
        try {
            return Role.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.coded(HttpStatus.BAD_REQUEST, "unknown-role", e.getMessage());
        }
    }

    @DeleteMapping("/api/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id, Authentication auth) {
        accounts.delete(id, auth.getName());
    }
}
