package org.xiaoche.routing.network;

import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Imports the hand-written OSM files under {@code src/test/resources/osm}. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** Copies resource {@code osm/<name>} into {@code dir} and imports it with a graph cache there. */
    public static RoadNetwork load(String name, Path dir) {
        Path osm = dir.resolve(name);
        try (InputStream in = TestNetworks.class.getResourceAsStream("/osm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test OSM file " + name);
            }
            if (!Files.exists(osm)) {
                Files.copy(in, osm);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RoadNetwork.importOrLoad(osm, dir.resolve("graphs"), 0, ProgressListener.NONE);
    }
}
