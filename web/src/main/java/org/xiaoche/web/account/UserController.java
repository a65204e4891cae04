package org.xiaoche.web.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Users (admin only) and who the caller is (everyone). */
@RestController
public class UserController {

    public record UserView(long id, String username, String role, Instant createdAt) {
        static UserView of(UserAccount a) {
            return new UserView(a.id(), a.username(), a.role().code(), a.createdAt());
        }
    }

    public record NewUser(String username, String password, String role) {
    }

    public record Me(String username, String role) {
    }

    private final AccountService accounts;

    public UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    public Me me(Authentication auth) {
        String role = auth.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", "").toLowerCase())
                .findFirst().orElse("");
        return new Me(auth.getName(), role);
    }

    @GetMapping("/api/users")
    public List<UserView> list() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    public UserView create(@RequestBody NewUser user) {
        return UserView.of(accounts.create(user.username(), user.password(), Role.ofCode(user.role())));
    }

    @DeleteMapping("/api/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id, Authentication auth) {
        accounts.delete(id, auth.getName());
    }
}
