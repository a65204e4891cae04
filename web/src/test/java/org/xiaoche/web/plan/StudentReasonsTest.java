package org.xiaoche.web.plan;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine's reason sentences, as its planner writes them, in the page bundles' words. */
class StudentReasonsTest {

    private final StudentReasons reasons = new StudentReasons(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void capReasonsWithTheirNumbers() {
        String journey = "grade 2 morning journey 8.4 min (walk 0.2 + wait 2.0 + direct ride 6.2) exceeds the 4 min cap";
        assertEquals("2 年级学生上学全程 8.4 分钟（步行 0.2 + 候车 2.0 + 直达乘车 6.2），超过 4 分钟上限",
                reasons.of(journey, Locale.SIMPLIFIED_CHINESE));
        assertEquals(journey, reasons.of(journey, Locale.ENGLISH), "the English text is the engine's own");
        assertEquals("直达乘车 50.5 分钟，超过 45 分钟乘车上限",
                reasons.of("direct ride 50.5 min exceeds the 45 min ride cap", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void unservedReasonsNestedAndUnknown() {
        assertEquals("住址距最近可步行道路 420 米，超出上限；3000 米内没有校车可停靠的道路（最近的直线距离 3500 米）",
                reasons.of("off network (420 m); no road where a bus may stop within 3000 m (nearest 3500 m in a straight line)",
                        Locale.SIMPLIFIED_CHINESE));
        assertEquals("站点 S1-001 与学校之间没有双向可通行的校车道路",
                reasons.of("no bus road between stop S1-001 and the school in both directions", Locale.SIMPLIFIED_CHINESE));
        assertEquals("something new", reasons.of("something new", Locale.SIMPLIFIED_CHINESE), "unknown forms as they came");
    }
}
