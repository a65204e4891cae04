package org.xiaoche.web.map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xiaoche.web.system.XiaocheProperties;

import java.util.Locale;

/**
 * The browser pages. They hold no data themselves: the scripts fetch it from {@code /api}, so the
 * same role rules apply to the page as to any API client.
 */
@Controller
public class PageController {

    private final XiaocheProperties properties;
    private final PageTexts texts;

    public PageController(XiaocheProperties properties, PageTexts texts) {
        this.properties = properties;
        this.texts = texts;
    }

    @GetMapping("/")
    public String regions(Model model, Locale locale) {
        model.addAttribute("texts", texts.in(locale));
        return "regions";
    }

    @GetMapping("/map/{regionId}")
    public String map(@PathVariable long regionId, Model model, Locale locale) {
        model.addAttribute("texts", texts.in(locale));
        model.addAttribute("regionId", regionId);
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        model.addAttribute("detailPoints", properties.map().detailPoints());
        model.addAttribute("listRows", properties.map().listRows());
        return "map";
    }
}
