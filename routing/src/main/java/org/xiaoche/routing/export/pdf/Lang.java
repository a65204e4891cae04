package org.xiaoche.routing.export.pdf;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The language of a PDF export: Chinese first, English on request. Labels come from
 * {@code labels.properties} (Chinese) and {@code labels_en.properties}; turn-by-turn directions use
 * GraphHopper's translation for {@link #instructionLocale()}.
 */
public enum Lang {
    ZH(Locale.SIMPLIFIED_CHINESE, ""), EN(Locale.ENGLISH, "en");

    private final Locale instructionLocale;
    private final ResourceBundle labels;

    Lang(Locale instructionLocale, String suffix) {
        this.instructionLocale = instructionLocale;
        this.labels = ResourceBundle.getBundle("org.xiaoche.routing.export.pdf.labels",
                suffix.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(suffix),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code zh} or {@code en} (any case). */
    public static Lang parse(String code) {
        return switch (code == null ? "" : code.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh_cn", "cn" -> ZH;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("unknown language '" + code + "' (zh or en)");
        };
    }

    public Locale instructionLocale() {
        return instructionLocale;
    }

    /** The label {@code key}, with {@code args} put in its {@code %1$s}, {@code %2$s}, … places. */
    public String text(String key, Object... args) {
        String pattern = labels.getString(key);
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }
}
