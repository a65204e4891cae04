package org.xiaoche.web.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every setting of the default policy has its source note, and a Chinese and English label and source on the page. */
class PolicyDefaultsControllerTest {

    @Test
    void everySettingHasItsSourceFromTheDefaultPolicyFile() {
        Map<String, String> sources = PolicyDefaultsController.readSources();
        assertTrue(sources.get("walkThreshold_m").contains("烟政办字〔2023〕50号"), sources.get("walkThreshold_m"));
        assertTrue(sources.get("routes.journeyCapGrades1to3_s").contains("国办发〔2018〕27号"));
        assertEquals(sources.get("routes.dwellFixed_s"), sources.get("routes.dwellPerStudent_s"), "a shared comment");
        assertTrue(sources.values().stream().noneMatch(String::isBlank), sources.toString());
        assertEquals(21, sources.size(), sources.keySet().toString());
    }

    @Test
    void thePageHasALabelAndASourceForEverySettingInBothLanguages() throws IOException {
        Set<String> paths = new TreeSet<>(PolicyDefaultsController.readSources().keySet());
        for (String bundle : new String[]{"/messages.properties", "/messages_en.properties"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream(bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertEquals(paths, suffixes(p, "js.policySource."), bundle);
            assertEquals(paths, suffixes(p, "js.policy."), bundle);
        }
    }

    private static Set<String> suffixes(Properties p, String prefix) {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
