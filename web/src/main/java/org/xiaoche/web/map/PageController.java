package org.xiaoche.web.map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xiaoche.web.system.XiaocheProperties;

/**
 * The browser pages. They hold no data themselves: the scripts fetch it from {@code /api}, so the
 * same role rules apply to the page as to any API client.
 */
@Controller
public class PageController {

    private final XiaocheProperties properties;

    public PageController(XiaocheProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    public String regions() {
        return "regions";
    }

    @GetMapping("/map/{regionId}")
    public String map(@PathVariable long regionId, Model model) {
        model.addAttribute("regionId", regionId);
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        return "map";
    }
}
