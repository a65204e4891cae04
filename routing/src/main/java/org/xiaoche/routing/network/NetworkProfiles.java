package org.xiaoche.routing.network;

import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.jackson.Jackson;
import com.graphhopper.util.CustomModel;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two vehicle profiles, expressed as GraphHopper custom models kept as JSON resources
 * ({@code school_bus.json}, {@code foot.json}) so that rules are data, not code.
 */
public final class NetworkProfiles {

    public static final String SCHOOL_BUS = "school_bus";
    public static final String FOOT = "foot";

    /** Encoded values both custom models read; import stores exactly these. */
    static final String ENCODED_VALUES = String.join(",",
            "car_access", "car_average_speed", "road_access", "road_class", "road_class_link",
            "road_environment", "surface", "track_type", "max_weight", "max_height", "max_width",
            "max_speed", "curvature", "foot_access", "foot_road_access");

    private NetworkProfiles() {
    }

    /** Raw JSON text of a profile's custom model, used in the graph fingerprint. */
    static String customModelJson(String profile) {
        String resource = profile + ".json";
        try (InputStream in = NetworkProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing custom model resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CustomModel customModel(String profile) {
        ObjectMapper mapper = Jackson.newObjectMapper();
        mapper.enable(JsonReadFeature.ALLOW_JAVA_COMMENTS.mappedFeature());
        try {
            return mapper.readValue(customModelJson(profile), CustomModel.class);
        } catch (IOException e) {
            throw new IllegalStateException("invalid custom model " + profile + ": " + e.getMessage(), e);
        }
    }

    static List<Profile> profiles() {
        return List.of(
                new Profile(SCHOOL_BUS).setCustomModel(customModel(SCHOOL_BUS)),
                new Profile(FOOT).setCustomModel(customModel(FOOT)));
    }

    static List<CHProfile> chProfiles() {
        return List.of(new CHProfile(SCHOOL_BUS));
    }
}
