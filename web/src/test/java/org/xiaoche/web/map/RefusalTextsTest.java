package org.xiaoche.web.map;

import org.junit.jupiter.api.Test;
import org.xiaoche.routing.plan.edit.PlanEditException;
import org.xiaoche.routing.policy.SettingProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every code the engine gives a refused edit ({@link PlanEditException.Reason}) or a refused setting
 * ({@link SettingProblem}) has a text in both bundles ({@code js.problem.<code>}) that names exactly the values
 * the code carries, {0} to {arity - 1}, and the Chinese one is Chinese: the page never has to fall back to the
 * server's English reason.
 */
class RefusalTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void everyRefusalCodeHasItsTextInBothLanguagesWithItsValues() throws IOException {
        Map<String, Integer> codes = new TreeMap<>();
        for (PlanEditException.Reason r : PlanEditException.Reason.values()) {
            codes.put(r.code(), r.arity());
        }
        for (SettingProblem p : SettingProblem.values()) {
            codes.put(p.code(), p.arity());
        }
        Properties zh = bundle("/messages.properties");
        Properties en = bundle("/messages_en.properties");
        List<String> wrong = new ArrayList<>();
        codes.forEach((code, arity) -> {
            Set<Integer> expected = new TreeSet<>(IntStream.range(0, arity).boxed().toList());
            for (Properties language : List.of(zh, en)) {
                String text = language.getProperty("js.problem." + code);
                String which = (language == zh ? "zh " : "en ") + code;
                if (text == null) {
                    wrong.add(which + ": no text");
                } else if (!placeholders(text).equals(expected)) {
                    wrong.add(which + ": names " + placeholders(text) + ", the code carries " + expected + ": " + text);
                } else if (language == zh && !HAN.matcher(text).find()) {
                    wrong.add(which + ": not Chinese: " + text);
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RefusalTextsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
