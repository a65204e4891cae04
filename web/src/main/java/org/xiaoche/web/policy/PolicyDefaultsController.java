package org.xiaoche.web.policy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.policy.PlanningPolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default fleet and planning policy for the page's form: each setting's path ({@code routes.rideCap_s}) with
 * the comment that the engine's {@code default-policy.json} gives it, which names the source of the rule
 * (a regulation, common practice or "planner choice"). The values themselves come from
 * {@link PlanningPolicy#defaults()}, which a routing test keeps equal to that file.
 */
@RestController
public class PolicyDefaultsController {

    /** The default fleet and policy as the engine uses them, and the source note of each policy setting by path. */
    public record PlanDefaults(Fleet fleet, PlanningPolicy policy, Map<String, String> sources) {
    }

    private static final Pattern FIELD = Pattern.compile("^\\s*\"([A-Za-z0-9_]+)\"\\s*:\\s*(\\{?)");
    private final Map<String, String> sources;

    public PolicyDefaultsController() {
        this.sources = readSources();
    }

    @GetMapping("/api/plan-defaults")
    public PlanDefaults defaults() {
        return new PlanDefaults(Fleet.defaults(), PlanningPolicy.defaults(), sources);
    }

    /**
     * Comment lines above each field, joined; nested objects ({@code "routes": {}}) prefix their fields.
     */
    static Map<String, String> readSources() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = PlanningPolicy.class.getResourceAsStream("default-policy.json");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder comment = new StringBuilder();
            String prefix = "";
            String last = "";
            boolean header = true;
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.trim();
                if (trimmed.startsWith("//")) {
                    if (!header) {
                        comment.append(comment.isEmpty() ? "" : " ").append(trimmed.substring(2).trim());
                    }
                    continue;
                }
                header = false;   // the file's own header comment describes the file, not a field
                Matcher m = FIELD.matcher(line);
                if (m.find()) {
                    // An object opened and not closed on its line nests fields; "gradeWalkThreshold_m": { } is a value.
                    if (!m.group(2).isEmpty() && !line.contains("}")) {
                        prefix = m.group(1) + ".";
                    } else {
                        // A field without its own comment shares the one above (dwellFixed_s, dwellPerStudent_s).
                        last = comment.isEmpty() ? last : comment.toString();
                        out.put(prefix + m.group(1), last);
                    }
                    comment.setLength(0);
                } else if (trimmed.startsWith("}")) {
                    prefix = "";
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default policy", e);
        }
        // The term calendar (the exports' service days) is set per term, not in the planning form.
        out.keySet().removeIf(path -> path.startsWith("termCalendar."));
        return out;
    }
}
