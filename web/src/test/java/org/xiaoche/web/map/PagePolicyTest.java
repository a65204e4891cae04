package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xiaoche.web.WebTestSupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every page and API answer carries a strict Content-Security-Policy, and the pages hold no inline script. */
@SpringBootTest(properties = "xiaoche.map.tile-url=https://{s}.tiles.example/{z}/{x}/{y}.png")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PagePolicyTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void everyAnswerCarriesTheStrictPolicy() throws Exception {
        for (MockHttpServletResponse response : new MockHttpServletResponse[]{
                mvc.perform(get("/login")).andReturn().getResponse(),
                mvc.perform(get("/").with(user("v").roles("VIEWER"))).andReturn().getResponse(),
                mvc.perform(get("/map/1").with(user("v").roles("VIEWER"))).andReturn().getResponse(),
                mvc.perform(get("/api/regions").with(user("v").roles("VIEWER"))).andReturn().getResponse(),
                mvc.perform(get("/api/regions")).andReturn().getResponse()}) {
            String csp = response.getHeader("Content-Security-Policy");
            assertNotNull(csp);
            assertTrue(csp.contains("script-src 'self';"), csp);
            assertTrue(csp.contains("img-src 'self' data: https://*.tiles.example;"), "the configured tile host: " + csp);
            assertTrue(csp.contains("object-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
            assertFalse(csp.contains("unsafe-eval"), csp);
            assertFalse(csp.replaceAll("style-src[^;]*;", "").contains("unsafe-inline"), "inline styles only: " + csp);
        }
    }

    @Test
    void pagesHoldNoInlineScriptOrHandler() throws Exception {
        Pattern script = Pattern.compile("<script([^>]*)>");
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        for (String html : new String[]{
                mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/").with(user("p").roles("PLANNER"))).andReturn().getResponse().getContentAsString(),
                mvc.perform(get("/map/1").with(user("p").roles("PLANNER"))).andReturn().getResponse().getContentAsString()}) {
            Matcher m = script.matcher(html);
            while (m.find()) {
                assertTrue(m.group(1).contains(" src=") || m.group(1).contains("type=\"application/json\""), m.group());
            }
            assertFalse(handler.matcher(html).find(), "no inline event handler");
        }
    }

    @Test
    void mapTextsAreValidJsonInThePageLanguage() throws Exception {
        String html = mvc.perform(get("/map/1").param("lang", "en").with(user("p").roles("PLANNER"))).andReturn().getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("(?s)<script type=\"application/json\" id=\"xiaoche-text\">(.*?)</script>").matcher(html);
        assertTrue(m.find(), html);
        var texts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.group(1));
        assertEquals("Ride P90 (min)", texts.get("rideP90").asText());
        assertTrue(texts.get("roadClasses").get("residential").isTextual());
        assertFalse(texts.get("stopName").asText().isBlank());
    }
}
