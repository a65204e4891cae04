package org.xiaoche.web.plan;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's reasons for a student (English sentences with numbers) in the reader's language, for
 * downloads: each known form has a text in the bundles, the same {@code js.reason.*} texts the map's
 * popups use (map.js reads the same forms); a form not known here is given as it came.
 */
@Component
public class StudentReasons {

    private final MessageSource messages;
    private final List<Form> forms = List.of(
            new Form("^grade (\\d+) (morning |afternoon )?journey ([\\d.]+) min \\(walk ([\\d.]+) \\+ wait ([\\d.]+)"
                    + " \\+ direct ride ([\\d.]+)\\) exceeds the ([\\d.]+) min cap$",
                    (m, l) -> text(l, "js.reason.journeyCap", m.group(1), direction(m.group(2), l), m.group(3), m.group(4),
                            m.group(5), m.group(6), m.group(7))),
            new Form("^(morning |afternoon )?direct ride ([\\d.]+) min exceeds the ([\\d.]+) min ride cap$",
                    (m, l) -> text(l, "js.reason.rideCap", direction(m.group(1), l), m.group(2), m.group(3))),
            new Form("^no bus road between stop (\\S+) and the school in both directions$",
                    (m, l) -> text(l, "js.reason.noBusRoadBetween", m.group(1))),
            new Form("^the route solver found no feasible run$", (m, l) -> text(l, "js.reason.noFeasibleRun")),
            new Form("^(?:(.*); )?no road where a bus may stop within (\\d+) m(?: \\(nearest (\\d+) m in a straight line\\))?$",
                    (m, l) -> (m.group(1) == null ? "" : of(m.group(1), l) + "；") + text(l, "js.reason.noStopRoad", m.group(2))
                            + (m.group(3) == null ? "" : text(l, "js.reason.nearestStraight", m.group(3)))),
            new Form("^school off network \\((\\d+) m\\)$", (m, l) -> text(l, "js.reason.schoolOffNetworkAt", m.group(1))),
            new Form("^school off network$", (m, l) -> text(l, "js.reason.schoolOffNetwork")),
            new Form("^off network \\(no walkable way nearby\\)$", (m, l) -> text(l, "js.reason.noWalkableWay")),
            new Form("^off network \\((\\d+) m\\)$", (m, l) -> text(l, "js.reason.offNetworkAt", m.group(1))),
            new Form("^no walking route \\(one-way restrictions\\)$", (m, l) -> text(l, "js.reason.oneWay")),
            new Form("^different network component$", (m, l) -> text(l, "js.reason.otherComponent")));

    private record Form(Pattern pattern, BiFunction<Matcher, Locale, String> text) {
        Form(String regex, BiFunction<Matcher, Locale, String> text) {
            this(Pattern.compile(regex), text);
        }
    }

    public StudentReasons(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code reason} in {@code locale}'s language; null and unknown forms as they came. */
    public String of(String reason, Locale locale) {
        if (reason == null) {
            return null;
        }
        for (Form form : forms) {
            Matcher m = form.pattern().matcher(reason);
            if (m.matches()) {
                return form.text().apply(m, locale);
            }
        }
        return reason;
    }

    private String direction(String word, Locale locale) {
        return word == null ? "" : text(locale, "js.reason.direction." + word.strip());
    }

    private String text(Locale locale, String key, Object... args) {
        // Numbers go in as the engine wrote them (strings), so no locale formatting changes them.
        return messages.getMessage(key, args, locale);
    }
}
