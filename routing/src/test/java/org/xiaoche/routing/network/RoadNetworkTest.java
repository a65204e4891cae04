package org.xiaoche.routing.network;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoadNetworkTest {

    private static final double DEG_M = 111_194.93;

    @TempDir
    Path dir;

    private static ResponsePath route(RoadNetwork network, String profile, double lat1, double lon1, double lat2, double lon2) {
        GHRequest request = new GHRequest(lat1, lon1, lat2, lon2).setProfile(profile);
        if (profile.equals(NetworkProfiles.FOOT)) {
            request.putHint("ch.disable", true);
        }
        GHResponse response = network.graphHopper().route(request);
        assertFalse(response.hasErrors(), () -> response.getErrors().toString());
        return response.getBest();
    }

    @Test
    void schoolBusAvoidsTracksButChildrenMayWalkThem() {
        try (RoadNetwork network = TestNetworks.load("bus-rules.osm", dir)) {
            assertEquals(0.02 * DEG_M, route(network, NetworkProfiles.SCHOOL_BUS, 0, 0, 0, 0.01).getDistance(), 1);
            assertEquals(0.01 * DEG_M, route(network, NetworkProfiles.FOOT, 0, 0, 0, 0.01).getDistance(), 1);
        }
    }

    @Test
    void schoolBusKeepsTo80OnTheExpresswayAnd20OnBridges() {
        try (RoadNetwork network = TestNetworks.load("bus-rules.osm", dir)) {
            ResponsePath expressway = route(network, NetworkProfiles.SCHOOL_BUS, -0.01, 0.0, -0.01, 0.1);
            assertEquals(0.1 * DEG_M / (80 / 3.6), expressway.getTime() / 1000.0, 5);
            ResponsePath bridge = route(network, NetworkProfiles.SCHOOL_BUS, 0.02, 0.05, 0.02, 0.055);
            assertEquals(0.005 * DEG_M / (20 / 3.6), bridge.getTime() / 1000.0, 2);
            ResponsePath secondary = route(network, NetworkProfiles.SCHOOL_BUS, 0.02, 0.0, 0.02, 0.05);
            // No faster than 60 km/h on ordinary roads.
            assertTrue(secondary.getTime() / 1000.0 >= 0.05 * DEG_M / (60 / 3.6) - 1);
        }
    }

    @Test
    void childrenMayNotWalkOnTheExpressway() {
        try (RoadNetwork network = TestNetworks.load("bus-rules.osm", dir)) {
            // A point on the expressway must not snap onto it: the nearest walkable way is the link road.
            LonLat onMotorway = new LonLat(0.05, -0.01);
            WalkPoint walk = network.findWalkPoint(onMotorway).orElseThrow();
            assertTrue(walk.access_m() > 1000, "snapped " + walk.access_m() + " m away, not onto the expressway");
        }
    }

    @Test
    void graphIsReusedWhileTheOsmFileIsUnchangedAndRebuiltWhenItChanges() throws IOException {
        Path first;
        try (RoadNetwork network = TestNetworks.load("village.osm", dir)) {
            assertTrue(network.freshlyImported());
            first = network.graphDir();
        }
        try (RoadNetwork again = TestNetworks.load("village.osm", dir)) {
            assertFalse(again.freshlyImported(), "second open loads the cached graph");
            assertEquals(first, again.graphDir());
        }
        Path osm = dir.resolve("village.osm");
        Files.writeString(osm, Files.readString(osm).replace("lon=\"0.03\"", "lon=\"0.031\""));
        Files.setLastModifiedTime(osm, FileTime.fromMillis(System.currentTimeMillis()));
        try (RoadNetwork changed = RoadNetwork.importOrLoad(osm, dir.resolve("graphs"), 0, ProgressListener.NONE)) {
            assertTrue(changed.freshlyImported(), "a changed OSM file is imported again");
            assertNotEquals(first, changed.graphDir());
        }
        try (Stream<Path> leftovers = Files.list(dir.resolve("graphs"))) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().contains(".importing-")), "no half-built folders");
        }
    }

    @Test
    void unreadableExtractsGiveAClearError() throws IOException {
        Path cache = dir.resolve("graphs");
        NetworkImportException missing = assertThrows(NetworkImportException.class,
                () -> RoadNetwork.importOrLoad(dir.resolve("nope.osm.pbf"), cache, ProgressListener.NONE));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());

        Path empty = Files.createFile(dir.resolve("empty.osm"));
        NetworkImportException emptyError = assertThrows(NetworkImportException.class,
                () -> RoadNetwork.importOrLoad(empty, cache, ProgressListener.NONE));
        assertTrue(emptyError.getMessage().contains("empty"), emptyError.getMessage());

        Path garbage = dir.resolve("garbage.osm.pbf");
        byte[] bytes = new byte[4096];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(garbage, bytes);
        NetworkImportException garbageError = assertThrows(NetworkImportException.class,
                () -> RoadNetwork.importOrLoad(garbage, cache, ProgressListener.NONE));
        assertTrue(garbageError.getMessage().startsWith("cannot import OSM file garbage.osm.pbf"), garbageError.getMessage());

        Path csv = Files.writeString(dir.resolve("roads.csv"), "a,b\n1,2\n");
        assertThrows(NetworkImportException.class, () -> RoadNetwork.importOrLoad(csv, cache, ProgressListener.NONE));
        try (Stream<Path> left = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
            assertEquals(0, left.count(), "failed imports leave nothing behind");
        }
    }

    @Test
    void networkAreaKeepsHomesNearRoadsAndRejectsTheSea() {
        try (RoadNetwork network = TestNetworks.load("village.osm", dir)) {
            var area = network.area(3_000);
            assertTrue(area.contains(new LonLat(0.02, 0.0037)), "411 m from the road: inside, reported later as off network");
            assertTrue(area.contains(new LonLat(-0.01, 0.0)), "1.1 km beyond the last node, still near the road");
            assertFalse(area.contains(new LonLat(0.02, 0.05)), "5.5 km from any road: outside (the sea)");
            assertFalse(area.contains(new LonLat(120.0, 30.0)), "another country");
        }
    }
}
