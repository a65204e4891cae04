package org.xiaoche.web.map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The browser pages. They hold no data themselves: the scripts fetch it from {@code /api}, so the
 * same role rules apply to the page as to any API client.
 */
@Controller
public class PageController {

    @GetMapping("/")
    public String regions() {
        return "regions";
    }

    @GetMapping("/map/{regionId}")
    public String map(@PathVariable long regionId, Model model) {
        model.addAttribute("regionId", regionId);
        return "map";
    }
}
