package org.xiaoche.routing.export.edition;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A bus company (运营单位) that runs some of a plan's buses: the GTFS agency of its trips.
 *
 * @param url   the company's web address, {@code http} or {@code https} (GTFS requires one)
 * @param phone a contact number, empty when not known
 */
public record Operator(String id, String name, String url, String phone) {

    /**
     * Used when a plan's buses are assigned to no operator: one agency for all of them. Its address
     * is a placeholder, to be replaced with the real one (CLI {@code --agency-url}).
     */
    public static final Operator DEFAULT = new Operator("operator", "校车运营单位", "https://example.org/", "");

    public Operator {
        id = required("operator id", id, 64);
        name = required("operator name", name, 200);
        url = required("operator url", url, 500);
        phone = phone == null ? "" : phone.trim();
        if (phone.length() > 50) {
            throw new IllegalArgumentException("operator phone is longer than 50 characters: " + phone);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("operator url must be an http(s) address, got '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("operator url is not an address: '" + url + "'");
        }
    }

    private static String required(String field, String value, int maxLength) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        if (v.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return v;
    }
}
