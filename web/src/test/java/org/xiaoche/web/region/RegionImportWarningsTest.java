package org.xiaoche.web.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xiaoche.web.Fixtures;
import org.xiaoche.web.WebTestSupport;
import org.xiaoche.web.job.JobRepository;
import org.xiaoche.web.job.JobState;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A region tells what its import left out, and draws the bus-usable roads apart from the dropped
 * ones. On {@code cut-carriageway.osm} (a loop, the two one-way carriageways of 东大路 running off the
 * extract's edge, an island 孤岛路 and a track) every length is known from the drawing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionImportWarningsTest {

    private static final double DEG_KM = 111.19493;
    private static final double LOOP_KM = 0.04 * DEG_KM;
    private static final double DONGDA_KM = (0.03 + Math.hypot(0.01, 0.0005)) * DEG_KM;
    private static final double ISLAND_KM = 0.01 * DEG_KM;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        WebTestSupport.freshDataDir(r);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RegionService regions;
    @Autowired
    JobRepository jobs;

    long regionId;

    @BeforeAll
    void importRegion() throws Exception {
        RegionService.Created created = regions.create("东城", "cut-carriageway.osm",
                new ByteArrayInputStream(WebTestSupport.fixture("cut-carriageway.osm")), "setup");
        regionId = created.region().id();
        assertEquals(JobState.SUCCEEDED, Fixtures.awaitFinished(jobs, created.job().id(), Duration.ofSeconds(60)).state());
    }

    private JsonNode getJson(String path) throws Exception {
        var response = mvc.perform(get(path).with(user("v").roles("VIEWER"))).andReturn().getResponse();
        assertEquals(200, response.getStatus(), response.getContentAsString());
        return json.readTree(response.getContentAsString());
    }

    @Test
    void regionListsDroppedRoadByProfileAndClassWithTheLongestNamedRoads() throws Exception {
        JsonNode region = getJson("/api/regions/" + regionId);
        Map<String, Double> warnings = new HashMap<>();
        region.get("importWarnings").forEach(w -> warnings.put(w.get("profile").asText() + " " + w.get("roadClass").asText(),
                w.get("dropped_km").asDouble()));
        assertEquals(3, warnings.size(), warnings.toString());
        assertEquals(DONGDA_KM, warnings.get("school_bus primary"), DONGDA_KM * 0.02);
        assertEquals(ISLAND_KM, warnings.get("school_bus residential"), ISLAND_KM * 0.02);
        assertEquals(ISLAND_KM, warnings.get("foot residential"), ISLAND_KM * 0.02);
        assertEquals("school_bus", region.at("/importWarnings/0/profile").asText(), "bus first");
        assertEquals("primary", region.at("/importWarnings/0/roadClass").asText(), "longest class first");

        JsonNode first = region.at("/droppedRoads/0");
        assertEquals("school_bus", first.get("profile").asText());
        assertEquals("东大路", first.get("name").asText());
        assertEquals("primary", first.get("roadClass").asText());
        assertEquals(DONGDA_KM, first.get("km").asDouble(), DONGDA_KM * 0.02);
        List<String> dropped = new ArrayList<>();
        region.get("droppedRoads").forEach(d -> dropped.add(d.get("profile").asText() + " " + d.get("name").asText() + " " + d.get("ref").asText()));
        assertEquals(List.of("school_bus 东大路 ", "school_bus 孤岛路 X001", "foot 孤岛路 X001"), dropped);

        // The list stays light: no warnings there, so listing never loads every graph.
        assertTrue(getJson("/api/regions").get(0).get("importWarnings").isNull());
    }

    @Test
    void busRoadsAreTheKeptLoopOnlyAndDroppedRoadsTheRest() throws Exception {
        JsonNode bus = getJson("/api/regions/" + regionId + "/bus-roads.geojson");
        double busKm = 0;
        for (JsonNode f : bus.get("features")) {
            assertEquals("环城路", f.at("/properties/road_name").asText(), "only the loop is usable: " + f);
            busKm += lengthKm(f);
        }
        assertEquals(LOOP_KM, busKm, LOOP_KM * 0.02);

        JsonNode dropped = getJson("/api/regions/" + regionId + "/dropped-bus-roads.geojson");
        Map<String, Double> droppedKm = new HashMap<>();
        for (JsonNode f : dropped.get("features")) {
            droppedKm.merge(f.at("/properties/road_name").asText(), lengthKm(f), Double::sum);
        }
        assertEquals(2, droppedKm.size(), droppedKm.toString());
        assertEquals(DONGDA_KM, droppedKm.get("东大路"), DONGDA_KM * 0.02);
        assertEquals(ISLAND_KM, droppedKm.get("孤岛路"), ISLAND_KM * 0.02);

        // All roads still include the dropped ones and the track the bus may not use.
        assertEquals(bus.get("features").size() + dropped.get("features").size() + 1,
                getJson("/api/regions/" + regionId + "/roads.geojson").get("features").size());
    }

    /** Length of a LineString on GraphHopper's sphere (equirectangular is exact enough this close to the equator). */
    private static double lengthKm(JsonNode feature) {
        JsonNode c = feature.at("/geometry/coordinates");
        double km = 0;
        for (int i = 1; i < c.size(); i++) {
            double dLon = c.get(i).get(0).asDouble() - c.get(i - 1).get(0).asDouble();
            double dLat = c.get(i).get(1).asDouble() - c.get(i - 1).get(1).asDouble();
            km += Math.hypot(dLon, dLat) * DEG_KM;
        }
        return km;
    }
}
