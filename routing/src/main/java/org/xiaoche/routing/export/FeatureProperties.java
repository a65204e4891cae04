package org.xiaoche.routing.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of one GeoJSON feature, kept in the order they are put. Values are strings,
 * whole numbers, booleans, numbers rounded to a stated number of decimals, or null; a key may be
 * put once. {@link GeoJsonWriter} writes them as given.
 */
public final class FeatureProperties {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** A string; {@code null} is written as JSON null. */
    public FeatureProperties put(String key, String value) {
        return add(key, value);
    }

    public FeatureProperties put(String key, long value) {
        return add(key, value);
    }

    public FeatureProperties put(String key, boolean value) {
        return add(key, value);
    }

    /**
     * A number rounded half up to {@code decimals} places (0: written as a whole number); a value that
     * is not finite (NaN for "unknown") is written as JSON null.
     */
    public FeatureProperties put(String key, double value, int decimals) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals must be 0..9: " + decimals);
        }
        if (!Double.isFinite(value)) {
            return add(key, null);
        }
        if (decimals == 0) {
            return add(key, Math.round(value));
        }
        double scale = Math.pow(10, decimals);
        return add(key, Math.round(value * scale) / scale);
    }

    /** The keys in the order they were put. */
    public List<String> keys() {
        return Collections.unmodifiableList(new ArrayList<>(values.keySet()));
    }

    /** The values by key, in order: {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private FeatureProperties add(String key, Object value) {
        if (values.containsKey(key)) {
            throw new IllegalArgumentException("property put twice: " + key);
        }
        values.put(key, value);
        return this;
    }
}
