package org.xiaoche.web.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xiaoche.web.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The API description has a title of its own, not springdoc's untitled "v0", and lists the plan endpoints. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiDescriptionTest {

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void theDescriptionIsTitled() throws Exception {
        var response = mvc.perform(get("/v3/api-docs").with(user("pia").roles("PLANNER"))).andReturn().getResponse();
        assertEquals(200, response.getStatus());
        JsonNode doc = json.readTree(response.getContentAsString());
        assertEquals("Xiaoche 校车 school-bus planning API", doc.at("/info/title").asText());
        assertNotEquals("v0", doc.at("/info/version").asText());
        assertTrue(doc.at("/paths").has("/api/plan-defaults"), doc.at("/paths").toString());
    }
}
