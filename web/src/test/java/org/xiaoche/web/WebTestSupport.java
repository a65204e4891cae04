package org.xiaoche.web;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: a tiny village road (region.osm), one school and three students, and a fresh data folder per context. */
public final class WebTestSupport {

    private WebTestSupport() {
    }

    public static void freshDataDir(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("xiaoche-web-test-");
            registry.add("xiaoche.data-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] fixture(String name) {
        try (InputStream in = WebTestSupport.class.getResourceAsStream("/fixture/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture folder on disk, for {@code xiaoche.demo-files-dir}. */
    public static Path fixtureDir() {
        try {
            return Path.of(WebTestSupport.class.getResource("/fixture/region.osm").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
