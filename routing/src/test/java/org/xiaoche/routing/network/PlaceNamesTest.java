package org.xiaoche.routing.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.LonLat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Places of the hand-written {@code names.osm} (see the comment in that file). */
class PlaceNamesTest {

    @TempDir
    Path dir;

    @Test
    void placeNodesAndSchoolsAreReadWithChineseNamesFirst() throws IOException {
        PlaceNames places = PlaceNames.read(copy("names.osm"));
        assertEquals(List.of(
                        new PlaceNames.Place("清水河村", PlaceNames.Kind.VILLAGE, new LonLat(0.0102, 0.0008)),
                        new PlaceNames.Place("李家沟", PlaceNames.Kind.HAMLET, new LonLat(0.2052, 0.0005)),
                        new PlaceNames.Place("王家庄", PlaceNames.Kind.VILLAGE, new LonLat(0.4051, 0.0002)),
                        new PlaceNames.Place("城关小学", PlaceNames.Kind.SCHOOL, new LonLat(0.4049, 0.0012)),
                        new PlaceNames.Place("东夼村", PlaceNames.Kind.VILLAGE, new LonLat(0.8, 0.02)),
                        new PlaceNames.Place("阳光幼儿园", PlaceNames.Kind.KINDERGARTEN, new LonLat(0.45, 0.03)),
                        new PlaceNames.Place("示范市", PlaceNames.Kind.CITY, new LonLat(0.45, 0.05))),
                places.places().subList(0, 7), "nodes in file order; the unnamed village is left out");
        assertEquals(8, places.size());
        PlaceNames.Place school = places.places().get(7);
        assertEquals("第二中学", school.name());
        assertEquals(PlaceNames.Kind.SCHOOL, school.kind());
        assertEquals(0.4505, school.location().lon(), 1e-9, "a school way sits at the mean of its nodes");
        assertEquals(0.0105, school.location().lat(), 1e-9);
        assertEquals(List.of("城关小学", "第二中学"), places.listPlaces(PlaceNames.Kind.SCHOOL).stream().map(PlaceNames.Place::name).toList());
    }

    @Test
    void nearestPlaceWithinADistance() throws IOException {
        PlaceNames places = PlaceNames.read(copy("names.osm"));
        LonLat stop = new LonLat(0.405, 0.0);
        assertEquals("王家庄", places.findNearest(stop, 1_000, p -> true).orElseThrow().name());
        assertEquals("城关小学", places.findNearest(stop, 200, p -> p.kind().isSchool()).orElseThrow().name());
        assertTrue(places.findNearest(stop, 20, p -> true).isEmpty(), "王家庄 is 24.9 m away");
        assertTrue(places.findNearest(new LonLat(0.61, 0.0), 10_000, p -> true).isEmpty());
        assertTrue(PlaceNames.NONE.findNearest(stop, 1e7, p -> true).isEmpty());
    }

    @Test
    void gzipFilesReadAlike() throws IOException {
        Path gz = dir.resolve("names.osm.gz");
        try (InputStream in = PlaceNamesTest.class.getResourceAsStream("/osm/names.osm");
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            in.transferTo(out);
        }
        assertEquals(PlaceNames.read(copy("names.osm")).places(), PlaceNames.read(gz).places());
    }

    @Test
    void networkKeepsItsPlacesBesideTheGraph() {
        try (RoadNetwork network = TestNetworks.load("names.osm", dir)) {
            List<PlaceNames.Place> read = network.placeNames().places();
            assertEquals(8, read.size());
            assertTrue(Files.isRegularFile(network.graphDir().resolve(PlaceNames.CACHE_FILE)));
            assertEquals(read, PlaceNames.loadOrRead(null, network.graphDir()).places(), "read back from the kept file, exactly");
        }
    }

    @Test
    void unreadableFileIsAnImportError() throws IOException {
        Path bad = dir.resolve("bad.osm");
        Files.writeString(bad, "<osm><node id='1' lat='x' lon='0'/></osm>");
        assertThrows(NetworkImportException.class, () -> PlaceNames.read(bad));
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = PlaceNamesTest.class.getResourceAsStream("/osm/" + name)) {
                Files.copy(in, file);
            }
        }
        return file;
    }
}
