package org.xiaoche.routing.network;

import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Imports the hand-written OSM files under {@code src/test/resources/osm}. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** Copies resource {@code osm/<name>} into {@code dir} and imports it with a graph cache there, marking no subnetworks. */
    public static RoadNetwork load(String name, Path dir) {
        return load(name, dir, 0);
    }

    /** As {@link #load(String, Path)}, marking components with fewer than {@code minNetworkSize} edges as subnetworks. */
    public static RoadNetwork load(String name, Path dir, int minNetworkSize) {
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
        return RoadNetwork.importOrLoad(osm, dir.resolve("graphs"), minNetworkSize, ProgressListener.NONE);
    }

    /** Points about 15 m beside randomly chosen residential road segments. */
    public static List<LonLat> pointsBesideResidentialRoads(RoadNetwork network, int count, Random random) {
        EnumEncodedValue<RoadClass> roadClass = network.graphHopper().getEncodingManager()
                .getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        List<Integer> residential = new ArrayList<>();
        AllEdgesIterator all = network.baseGraph().getAllEdges();
        while (all.next()) {
            RoadClass rc = all.get(roadClass);
            if ((rc == RoadClass.RESIDENTIAL || rc == RoadClass.UNCLASSIFIED || rc == RoadClass.LIVING_STREET)
                    && network.walkingGraph().isWalkable(all)) {
                residential.add(all.getEdge());
            }
        }
        List<LonLat> points = new ArrayList<>();
        for (int i = 0; i < count && !residential.isEmpty(); i++) {
            int edge = residential.get(random.nextInt(residential.size()));
            PointList geometry = network.baseGraph().getEdgeIteratorState(edge, Integer.MIN_VALUE).fetchWayGeometry(FetchMode.ALL);
            int k = random.nextInt(geometry.size() - 1);
            double t = random.nextDouble();
            double lat = geometry.getLat(k) + t * (geometry.getLat(k + 1) - geometry.getLat(k));
            double lon = geometry.getLon(k) + t * (geometry.getLon(k + 1) - geometry.getLon(k));
            double offsetLat_deg = (random.nextBoolean() ? 1 : -1) * 15 / 111_000.0;
            points.add(new LonLat(lon, lat + offsetLat_deg));
        }
        return points;
    }
}
