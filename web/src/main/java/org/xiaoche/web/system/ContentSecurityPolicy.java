package org.xiaoche.web.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy sent with every response: scripts only from our own files (no inline
 * script or handler), images from us, {@code data:} URLs and the optional tile server, no plugins,
 * no framing. Inline styles stay allowed: Leaflet's marker icons carry {@code style} attributes.
 */
public final class ContentSecurityPolicy {

    private static final Pattern ORIGIN = Pattern.compile("^(https?)://([^/?#]+)");
    private static final Pattern SAFE_HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private ContentSecurityPolicy() {
    }

    public static String header(String tileUrl) {
        String tiles = tileSource(tileUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + (tiles.isEmpty() ? "" : " " + tiles)
                + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'";
    }

    /**
     * The tile server's origin as a CSP source ({@code https://{s}.tile.example/{z}/{x}/{y}.png} gives
     * {@code https://*.tile.example}); empty when there is none or it cannot be expressed safely.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        Matcher m = ORIGIN.matcher(tileUrl.strip());
        if (!m.find()) {
            return "";
        }
        String host = m.group(2).replaceAll("\\{[^}]*}", "*");
        if (host.startsWith("*") && !host.startsWith("*.")) {
            host = "*." + host.substring(1).replaceFirst("^[^.]*\\.", "");
        }
        return SAFE_HOST.matcher(host).matches() ? m.group(1) + "://" + host : "";
    }
}
