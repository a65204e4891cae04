package org.xiaoche.web.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles the form post) and the users page for admins. */
@Controller
public class AccountPageController {

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** Users for admins: the page calls {@code /api/users}, which answers admins only. */
    @GetMapping("/users")
    public String users() {
        return "users";
    }
}
