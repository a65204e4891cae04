package org.xiaoche.routing.export.edition;

import java.util.Locale;

/** The language of an export's headers and labels: Chinese by default, English on request. */
public enum ExportLanguage {
    ZH("zh"), EN("en");

    private final String code;

    ExportLanguage(String code) {
        this.code = code;
    }

    /** {@code zh} or {@code en} (BCP 47 language code, as GTFS {@code feed_lang} takes it). */
    public String code() {
        return code;
    }

    /** The text for this language. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    public static ExportLanguage parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "zh", "zh-cn", "zh_cn" -> ZH;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("unknown language '" + text + "' (zh or en)");
        };
    }
}
