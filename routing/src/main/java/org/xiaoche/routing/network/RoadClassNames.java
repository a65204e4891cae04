package org.xiaoche.routing.network;

import com.graphhopper.routing.ev.RoadClass;

import java.util.Locale;

/** What a road is called when it has neither name nor route number: its class, as planners say it. */
public final class RoadClassNames {

    private RoadClassNames() {
    }

    /** A road's class in Chinese ({@code 村道} for an unclassified road). */
    public static String inChinese(RoadClass roadClass) {
        return switch (roadClass) {
            case MOTORWAY -> "高速公路";
            case TRUNK -> "快速路";
            case PRIMARY -> "主干道";
            case SECONDARY -> "次干道";
            case TERTIARY -> "支路";
            case UNCLASSIFIED -> "村道";
            case RESIDENTIAL -> "居民区道路";
            case LIVING_STREET -> "生活街道";
            case SERVICE -> "内部道路";
            default -> "道路";
        };
    }

    /** A road's class in English ({@code village road} for an unclassified road). */
    public static String inEnglish(RoadClass roadClass) {
        return switch (roadClass) {
            case MOTORWAY -> "motorway";
            case TRUNK -> "trunk road";
            case PRIMARY -> "primary road";
            case SECONDARY -> "secondary road";
            case TERTIARY -> "tertiary road";
            case UNCLASSIFIED -> "village road";
            case RESIDENTIAL -> "residential street";
            case LIVING_STREET -> "living street";
            case SERVICE -> "service road";
            default -> "road";
        };
    }

    /** {@link #inChinese} for a Chinese locale, {@link #inEnglish} otherwise. */
    public static String of(RoadClass roadClass, Locale locale) {
        return "zh".equals(locale.getLanguage()) ? inChinese(roadClass) : inEnglish(roadClass);
    }
}
