package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.xiaoche.web.system.XiaocheProperties;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The map page gets the optional tile layer from configuration, and none by default. */
class PageControllerTest {

    @Test
    void tileUrlIsOptionalConfiguration() {
        ExtendedModelMap offline = new ExtendedModelMap();
        new PageController(new XiaocheProperties(Path.of("data"), null, false, null, null, null), PageTextsTest.texts())
                .map(7, offline, Locale.SIMPLIFIED_CHINESE);
        assertEquals("", offline.get("tileUrl"), "no tiles unless configured: the map works offline");
        assertEquals(7L, offline.get("regionId"));

        ExtendedModelMap withTiles = new ExtendedModelMap();
        new PageController(new XiaocheProperties(Path.of("data"), null, false, null, null,
                new XiaocheProperties.MapView("https://tiles.example/{z}/{x}/{y}.png", "© county GIS", null, null)), PageTextsTest.texts())
                .map(7, withTiles, Locale.ENGLISH);
        assertEquals("https://tiles.example/{z}/{x}/{y}.png", withTiles.get("tileUrl"));
        assertEquals("© county GIS", withTiles.get("tileAttribution"));
    }
}
