package org.xiaoche.web.scenario;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The scenario page of a region. Like every page it holds no data: {@code scenarios.js} fetches it from
 * {@code /api}. Its texts are the bundle's {@code scenarios.*} and {@code scenario.warning.*} messages in
 * the request's language, handed to the script as a JSON data block.
 */
@Controller
public class ScenarioPageController {

    private static final String[] PREFIXES = {"scenarios.", "scenario.warning."};

    private final MessageSource messages;
    private final org.xiaoche.web.map.PageTexts pageTexts;

    public ScenarioPageController(MessageSource messages, org.xiaoche.web.map.PageTexts pageTexts) {
        this.messages = messages;
        this.pageTexts = pageTexts;
    }

    @GetMapping("/scenarios/{regionId}")
    public String page(@PathVariable long regionId, Model model) {
        model.addAttribute("regionId", regionId);
        model.addAttribute("texts", texts(LocaleContextHolder.getLocale()));
        // Every page's script texts (the bundle's js. keys: Leaflet's control titles, dates, jobs).
        model.addAttribute("jsTexts", pageTexts.in(LocaleContextHolder.getLocale()));
        return "scenarios";
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> out = new TreeMap<>();
        // The Chinese bundle (the default) has every key; the English one the same keys.
        for (String key : ResourceBundle.getBundle("messages", Locale.ROOT).keySet()) {
            for (String prefix : PREFIXES) {
                if (key.startsWith(prefix)) {
                    out.put(key, messages.getMessage(key, null, locale));
                }
            }
        }
        return out;
    }
}
