package org.xiaoche.web.account;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Locale;

/**
 * The signed-in user's name and role for every page's header ({@code me}, null on the login page).
 *
 * @param role the role's code: admin, planner, viewer or operator
 */
public record CurrentUser(String username, String role) {

    public boolean admin() {
        return Role.ADMIN.code().equals(role);
    }

    static CurrentUser of(Authentication auth) {
        String role = auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase(Locale.ROOT)).findFirst().orElse("");
        return new CurrentUser(auth.getName(), role);
    }

    /** Adds {@code me} to the model of every page (not to API answers). */
    @ControllerAdvice(annotations = Controller.class)
    static class PageModel {
        private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

        @ModelAttribute("me")
        CurrentUser me(Authentication auth) {
            return trust.isAuthenticated(auth) ? CurrentUser.of(auth) : null;
        }
    }
}
