package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The scripts' texts come from both bundles, key for key: no text exists in one language only. */
class PageTextsTest {

    static PageTexts texts() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new PageTexts(source);
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> zh = keys("/messages.properties");
        Set<String> en = keys("/messages_en.properties");
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "keys without English");
        assertEquals(Set.of(), onlyEn, "keys without Chinese");
    }

    @Test
    void scriptTextsAreThePrefixedKeysInThePagesLanguage() {
        Map<String, String> zh = texts().in(Locale.SIMPLIFIED_CHINESE);
        Map<String, String> en = texts().in(Locale.ENGLISH);
        assertEquals("已完成", zh.get("jobState.succeeded"));
        assertEquals("succeeded", en.get("jobState.succeeded"));
        assertEquals("{0}座", zh.get("busType"), "placeholders are left for the script");
        assertFalse(zh.containsKey("map.title"), "only js. keys reach the scripts");
        assertEquals(zh.keySet(), en.keySet());
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PageTextsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }
}
