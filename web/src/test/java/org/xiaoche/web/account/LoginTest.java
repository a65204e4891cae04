package org.xiaoche.web.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xiaoche.web.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Real form login against stored BCrypt hashes: the first admin from XIAOCHE_ADMIN_PASSWORD, users the admin creates. */
@SpringBootTest(properties = "XIAOCHE_ADMIN_PASSWORD=correct-horse-battery")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LoginTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccountRepository users;
    @Autowired
    AccountService accounts;

    private MockHttpSession login(String user, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(user).password(password)).andReturn();
        assertEquals(302, result.getResponse().getStatus());
        assertEquals("/", result.getResponse().getRedirectedUrl(), "login of " + user);
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void firstAdminSignsInWithThePasswordFromTheEnvironmentAndCreatesAPlanner() throws Exception {
        assertEquals(1, users.count());
        assertTrue(users.findByUsername("admin").orElseThrow().passwordHash().startsWith("$2"), "BCrypt hash");
        MvcResult wrong = mvc.perform(formLogin("/login").user("admin").password("wrong-password")).andReturn();
        assertEquals("/login?error", wrong.getResponse().getRedirectedUrl());

        MockHttpSession admin = login("admin", "correct-horse-battery");
        assertEquals(201, mvc.perform(post("/api/users").session(admin).with(csrf()).contentType("application/json")
                .content("{\"username\":\"pia\",\"password\":\"planner-secret-1\",\"role\":\"planner\"}")).andReturn().getResponse().getStatus());
        assertEquals(400, mvc.perform(post("/api/users").session(admin).with(csrf()).contentType("application/json")
                .content("{\"username\":\"shorty\",\"password\":\"short\",\"role\":\"viewer\"}")).andReturn().getResponse().getStatus());

        MockHttpSession planner = login("pia", "planner-secret-1");
        String me = mvc.perform(get("/api/me").session(planner)).andReturn().getResponse().getContentAsString();
        assertEquals("{\"username\":\"pia\",\"role\":\"planner\"}", me);
        assertEquals(403, mvc.perform(get("/api/users").session(planner)).andReturn().getResponse().getStatus());
        assertEquals(200, mvc.perform(get("/api/regions").session(planner)).andReturn().getResponse().getStatus());
    }

    @Test
    void loginPageIsChineseByDefaultWithAnEnglishSwitch() throws Exception {
        String zh = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertTrue(zh.contains("登录") && zh.contains("id=\"login-form\""), zh);
        String en = mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertTrue(en.contains("Sign in"), en);
        assertNotEquals(zh, en);
    }

    @Test
    void apiCallsWithoutASessionGet401Json() throws Exception {
        var response = mvc.perform(get("/api/regions")).andReturn().getResponse();
        assertEquals(401, response.getStatus());
        assertTrue(response.getContentAsString().contains("\"status\":401"), response.getContentAsString());
    }

    @Test
    void deletingAUserEndsAllTheirSessionsAtOnce() throws Exception {
        accounts.create("leaver", "leaver-secret-1", Role.PLANNER);
        long id = users.findByUsername("leaver").orElseThrow().id();
        MockHttpSession first = login("leaver", "leaver-secret-1");
        MockHttpSession second = login("leaver", "leaver-secret-1");
        assertEquals(200, mvc.perform(get("/api/me").session(first)).andReturn().getResponse().getStatus());
        assertEquals(200, mvc.perform(get("/api/me").session(second)).andReturn().getResponse().getStatus());

        MockHttpSession admin = login("admin", "correct-horse-battery");
        assertEquals(204, mvc.perform(delete("/api/users/" + id).session(admin).with(csrf())).andReturn().getResponse().getStatus());

        for (MockHttpSession session : new MockHttpSession[]{first, second}) {
            var api = mvc.perform(get("/api/regions").session(session)).andReturn().getResponse();
            assertEquals(401, api.getStatus(), "a deleted user's session no longer reaches the API");
            assertTrue(api.getContentAsString().contains("\"status\":401"), api.getContentAsString());
        }
        MockHttpSession third = login("admin", "correct-horse-battery");
        assertEquals(200, mvc.perform(get("/api/me").session(third)).andReturn().getResponse().getStatus(), "others stay signed in");
        assertEquals(200, mvc.perform(get("/api/me").session(admin)).andReturn().getResponse().getStatus());
        MvcResult page = mvc.perform(get("/").session(login("admin", "correct-horse-battery"))).andReturn();
        assertEquals(200, page.getResponse().getStatus());
        MvcResult wrong = mvc.perform(formLogin("/login").user("leaver").password("leaver-secret-1")).andReturn();
        assertEquals("/login?error", wrong.getResponse().getRedirectedUrl(), "nor can they sign in again");
    }
}
