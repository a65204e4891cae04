package org.xiaoche.web.map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The texts the page scripts show, in the page's language: every bundle key under {@value #PREFIX},
 * without the prefix. The pages carry them as a JSON data block (the CSP allows no inline script), so a
 * script shows only what the bundles say, and a string added to a script is added to both bundles.
 */
@Component
public class PageTexts {

    static final String PREFIX = "js.";

    private final MessageSource messages;
    private final Iterable<String> keys;

    public PageTexts(MessageSource messages) {
        this.messages = messages;
        Properties base = new Properties();
        try (InputStream in = PageTexts.class.getResourceAsStream("/messages.properties")) {
            base.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message bundle", e);
        }
        this.keys = base.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX)).sorted().toList();
    }

    /** Key (without {@value #PREFIX}) to text; placeholders {@code {0}} are left for the script to fill. */
    public Map<String, String> in(Locale locale) {
        Map<String, String> texts = new TreeMap<>();
        for (String key : keys) {
            texts.put(key.substring(PREFIX.length()), messages.getMessage(key, null, locale));
        }
        return texts;
    }
}
