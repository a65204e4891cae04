package org.xiaoche.routing.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a built graph: SHA-256 over the OSM file's bytes, both custom models, the encoded
 * values and the GraphHopper version. A graph folder named by it is reused only while all of these
 * are unchanged; any change yields a new folder and a fresh import.
 */
final class GraphFingerprint {

    /** Bump when our way of building graphs changes in a way the inputs above do not show. */
    private static final int BUILD_FORMAT = 2; // 2: street names prefer name:zh

    private GraphFingerprint() {
    }

    static String of(Path osmFile) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(osmFile)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM file " + osmFile, e);
        }
        digest.update(NetworkProfiles.customModelJson(NetworkProfiles.SCHOOL_BUS).getBytes(StandardCharsets.UTF_8));
        digest.update(NetworkProfiles.customModelJson(NetworkProfiles.FOOT).getBytes(StandardCharsets.UTF_8));
        digest.update(NetworkProfiles.ENCODED_VALUES.getBytes(StandardCharsets.UTF_8));
        digest.update(String.valueOf(com.graphhopper.util.Constants.VERSION).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) BUILD_FORMAT);
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
