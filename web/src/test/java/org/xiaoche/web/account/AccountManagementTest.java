package org.xiaoche.web.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiaoche.web.WebTestSupport;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Password change and reset, role change, disable and enable, login throttling, and 404 for unknown
 * API paths, through real form logins and sessions. Each test signs in from its own address, so the
 * per-address throttle of one test does not reach another.
 */
@SpringBootTest(properties = "XIAOCHE_ADMIN_PASSWORD=correct-horse-battery")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountManagementTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String ADMIN_PASSWORD = "correct-horse-battery";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    UserAccountRepository users;
    @Autowired
    ObjectMapper json;

    private final String address = "10.9.0." + ADDRESSES.getAndIncrement();

    private RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    /** The redirect a login form post gets: "/" when signed in, "/login?error" or "/login?locked" when not. */
    private MvcResult loginAttempt(String user, String password, String remoteAddress) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf()).with(from(remoteAddress)))
                .andReturn();
    }

    private MockHttpSession login(String user, String password) throws Exception {
        MvcResult result = loginAttempt(user, password, address);
        assertEquals("/", result.getResponse().getRedirectedUrl(), "login of " + user);
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, MockHttpSession session, String body) throws Exception {
        request.session(session).with(csrf());
        if (body != null) {
            request.contentType("application/json").content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private long userId(String name) {
        return users.findByUsername(name).orElseThrow().id();
    }

    @Test
    void signedInUserChangesTheirPasswordGivingTheOldOne() throws Exception {
        accounts.create("changer", "first-secret-1", Role.PLANNER);
        MockHttpSession session = login("changer", "first-secret-1");
        MockHttpSession other = login("changer", "first-secret-1");
        String path = "/api/me/password";
        MockHttpServletResponse wrongOld = call(post(path), session, "{\"oldPassword\":\"not-it-at-all\",\"newPassword\":\"second-secret-2\"}");
        assertEquals(400, wrongOld.getStatus());
        assertTrue(wrongOld.getContentAsString().contains("current password is wrong"), wrongOld.getContentAsString());
        assertEquals(400, call(post(path), session, "{\"oldPassword\":\"first-secret-1\",\"newPassword\":\"short\"}").getStatus());
        assertEquals(400, call(post(path), session, "{\"oldPassword\":\"first-secret-1\",\"newPassword\":\"aaaaaaaaaaaa\"}").getStatus());
        assertEquals(204, call(post(path), session, "{\"oldPassword\":\"first-secret-1\",\"newPassword\":\"second-secret-2\"}").getStatus());

        assertEquals(200, call(get("/api/me"), session, null).getStatus(), "the session that changed it stays");
        assertEquals(401, call(get("/api/me"), other, null).getStatus(), "other sessions end");
        assertEquals("/login?error", loginAttempt("changer", "first-secret-1", address).getResponse().getRedirectedUrl());
        login("changer", "second-secret-2");
    }

    @Test
    void adminResetShowsAOneTimePasswordOnceAndEndsTheUsersSessions() throws Exception {
        accounts.create("forgetful", "forgotten-secret", Role.VIEWER);
        MockHttpSession user = login("forgetful", "forgotten-secret");
        MockHttpSession admin = login("admin", ADMIN_PASSWORD);
        MockHttpServletResponse reset = call(post("/api/users/" + userId("forgetful") + "/password-reset"), admin, null);
        assertEquals(200, reset.getStatus(), reset.getContentAsString());
        JsonNode body = json.readTree(reset.getContentAsString());
        assertEquals("forgetful", body.get("username").asText());
        String oneTime = body.get("oneTimePassword").asText();
        assertEquals(16, oneTime.length());
        assertFalse(users.findByUsername("forgetful").orElseThrow().passwordHash().contains(oneTime), "only the hash is stored");
        assertFalse(call(get("/api/users"), admin, null).getContentAsString().contains(oneTime), "never shown again");

        assertEquals(401, call(get("/api/me"), user, null).getStatus());
        assertEquals("/login?error", loginAttempt("forgetful", "forgotten-secret", address).getResponse().getRedirectedUrl());
        MockHttpSession again = login("forgetful", oneTime);
        assertEquals(403, call(post("/api/users/" + userId("admin") + "/password-reset"), again, null).getStatus(),
                "only admins reset");
    }

    @Test
    void roleChangeTakesEffectAtOnce() throws Exception {
        accounts.create("mover", "mover-secret-1", Role.PLANNER);
        MockHttpSession mover = login("mover", "mover-secret-1");
        assertEquals(200, call(get("/api/regions/1/datasets"), mover, null).getStatus());
        MockHttpSession admin = login("admin", ADMIN_PASSWORD);
        MockHttpServletResponse changed = call(put("/api/users/" + userId("mover") + "/role"), admin, "{\"role\":\"operator\"}");
        assertEquals(200, changed.getStatus(), changed.getContentAsString());
        assertTrue(changed.getContentAsString().contains("\"role\":\"operator\""), changed.getContentAsString());
        assertEquals(401, call(get("/api/regions/1/datasets"), mover, null).getStatus(), "the planner session is over");
        MockHttpSession operator = login("mover", "mover-secret-1");
        assertEquals(403, call(get("/api/regions/1/datasets"), operator, null).getStatus(), "signed in again as operator");

        assertEquals(409, call(put("/api/users/" + userId("admin") + "/role"), admin, "{\"role\":\"viewer\"}").getStatus(),
                "no admin changes their own role");
        assertEquals(400, call(put("/api/users/" + userId("mover") + "/role"), admin, "{\"role\":\"boss\"}").getStatus());
        accounts.create("second-admin", "second-admin-pw", Role.ADMIN);
        MockHttpSession second = login("second-admin", "second-admin-pw");
        assertEquals(200, call(post("/api/users/" + userId("second-admin") + "/disable"), admin, null).getStatus());
        assertEquals(401, call(put("/api/users/" + userId("admin") + "/role"), second, "{\"role\":\"viewer\"}").getStatus(),
                "a disabled admin's session is over");
    }

    @Test
    void disablingAPlannerRefusesTheirNextRequestAndTheirLogins() throws Exception {
        accounts.create("leaving-planner", "planner-secret-9", Role.PLANNER);
        MockHttpSession planner = login("leaving-planner", "planner-secret-9");
        assertEquals(200, call(get("/api/regions"), planner, null).getStatus());
        MockHttpSession admin = login("admin", ADMIN_PASSWORD);
        MockHttpServletResponse disabled = call(post("/api/users/" + userId("leaving-planner") + "/disable"), admin, null);
        assertEquals(200, disabled.getStatus());
        assertTrue(disabled.getContentAsString().contains("\"enabled\":false"), disabled.getContentAsString());

        MockHttpServletResponse refused = call(get("/api/regions"), planner, null);
        assertEquals(401, refused.getStatus(), "the old session is refused at once");
        assertEquals("/login?error", loginAttempt("leaving-planner", "planner-secret-9", address).getResponse().getRedirectedUrl(),
                "the same answer as a wrong password");
        assertEquals(409, call(post("/api/users/" + userId("admin") + "/disable"), admin, null).getStatus(), "not oneself");

        assertEquals(200, call(post("/api/users/" + userId("leaving-planner") + "/enable"), admin, null).getStatus());
        login("leaving-planner", "planner-secret-9");
    }

    @Test
    void repeatedFailuresLockANameExistingOrNotWithTheSameAnswer() throws Exception {
        accounts.create("target", "target-secret-1", Role.VIEWER);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_USER; i++) {
            String remote = "10.8.0." + i;
            assertEquals("/login?error", loginAttempt("target", "guess-" + i, remote).getResponse().getRedirectedUrl());
            assertEquals("/login?error", loginAttempt("nobody-here", "guess-" + i, remote).getResponse().getRedirectedUrl());
        }
        assertEquals("/login?error", loginAttempt("target", "guess-last", "10.8.1.1").getResponse().getRedirectedUrl());
        assertEquals("/login?error", loginAttempt("nobody-here", "guess-last", "10.8.1.1").getResponse().getRedirectedUrl());
        assertEquals("/login?locked", loginAttempt("target", "target-secret-1", "10.8.1.2").getResponse().getRedirectedUrl(),
                "even the right password is refused while locked");
        assertEquals("/login?locked", loginAttempt("nobody-here", "anything-at-all", "10.8.1.2").getResponse().getRedirectedUrl(),
                "a name that does not exist gets the same answer");
        String page = mvc.perform(get("/login").param("locked", "")).andReturn().getResponse().getContentAsString();
        assertTrue(page.contains("登录失败次数过多"), page);
    }

    @Test
    void unknownApiPathsAnswer404ToSignedInUsersAndKnownOnesStayClosed() throws Exception {
        accounts.create("curious", "curious-secret-1", Role.OPERATOR);
        MockHttpSession operator = login("curious", "curious-secret-1");
        MockHttpServletResponse unknown = call(get("/api/no-such-thing"), operator, null);
        assertEquals(404, unknown.getStatus(), unknown.getContentAsString());
        assertTrue(unknown.getContentAsString().contains("\"status\":404"), unknown.getContentAsString());
        assertEquals(404, call(get("/api/plans/1/no-such-layer.geojson"), operator, null).getStatus());
        assertEquals(403, call(get("/api/users"), operator, null).getStatus(), "an endpoint the role may not use");
        assertEquals(403, call(post("/api/regions/1/datasets"), operator, null).getStatus());
        assertEquals(401, mvc.perform(get("/api/no-such-thing")).andReturn().getResponse().getStatus(), "anonymous: sign in first");
    }

    @Test
    void everyPageHeaderNamesTheSignedInUserAndRoleAndOnlyAdminsGetTheUsersPage() throws Exception {
        accounts.create("header-viewer", "header-viewer-pw", Role.VIEWER);
        MockHttpSession viewer = login("header-viewer", "header-viewer-pw");
        for (String path : new String[]{"/", "/map/1"}) {
            String html = call(get(path), viewer, null).getContentAsString();
            assertTrue(html.contains("<span id=\"current-user-name\">header-viewer</span>"), html);
            assertTrue(html.contains("<span id=\"current-user-role\">查看员</span>"), html);
            assertFalse(html.contains("id=\"nav-users\""), "no users link for viewers");
        }
        assertEquals(403, call(get("/users"), viewer, null).getStatus());
        MockHttpSession admin = login("admin", ADMIN_PASSWORD);
        String users = call(get("/users").param("lang", "en"), admin, null).getContentAsString();
        assertTrue(users.contains("<span id=\"current-user-role\">Administrator</span>") && users.contains("id=\"nav-users\""), users);
    }
}
