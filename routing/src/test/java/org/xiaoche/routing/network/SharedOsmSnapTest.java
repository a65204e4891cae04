package org.xiaoche.routing.network;

import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.DistancePlaneProjection;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.BBox;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.xiaoche.routing.SharedTestData;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a home meets the walkable network must be the nearest walkable way: checked against a
 * brute-force scan of every walkable segment for random points on every shared extract.
 */
class SharedOsmSnapTest {

    @TestFactory
    Stream<DynamicTest> walkSnapsFindTheNearestWalkableWay() throws IOException {
        Path osmDir = SharedTestData.dir("osm").orElse(null);
        Assumptions.assumeTrue(osmDir != null, SharedTestData.absentMessage("osm"));
        List<Path> files;
        try (Stream<Path> list = Files.list(osmDir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.osm(\\.pbf|\\.gz)?$")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private static void check(Path osmFile) {
        try (RoadNetwork network = RoadNetwork.importOrLoad(osmFile, Path.of("target", "graph-cache"), ProgressListener.NONE)) {
            BBox box = network.baseGraph().getBounds();
            Random random = new Random(5);
            DistancePlaneProjection plane = DistancePlaneProjection.DIST_PLANE;
            int checked = 0, wrong = 0;
            StringBuilder examples = new StringBuilder();
            for (int i = 0; i < 150; i++) {
                double lat = box.minLat + random.nextDouble() * (box.maxLat - box.minLat);
                double lon = box.minLon + random.nextDouble() * (box.maxLon - box.minLon);
                double best_m = Double.POSITIVE_INFINITY;
                AllEdgesIterator all = network.baseGraph().getAllEdges();
                while (all.next()) {
                    if (!network.walkingGraph().isWalkable(all)) {
                        continue;
                    }
                    PointList g = all.fetchWayGeometry(FetchMode.ALL);
                    for (int k = 0; k + 1 < g.size(); k++) {
                        double d = plane.validEdgeDistance(lat, lon, g.getLat(k), g.getLon(k), g.getLat(k + 1), g.getLon(k + 1))
                                ? plane.calcDenormalizedDist(plane.calcNormalizedEdgeDistance(lat, lon, g.getLat(k), g.getLon(k),
                                g.getLat(k + 1), g.getLon(k + 1)))
                                : Math.min(plane.calcDist(lat, lon, g.getLat(k), g.getLon(k)), plane.calcDist(lat, lon, g.getLat(k + 1), g.getLon(k + 1)));
                        best_m = Math.min(best_m, d);
                    }
                }
                if (best_m > 300) {
                    continue; // off network either way: only homes near a road matter here
                }
                double found_m = network.findWalkPoint(new LonLat(lon, lat)).map(WalkPoint::access_m).orElse(Double.POSITIVE_INFINITY);
                checked++;
                if (found_m > best_m + 1) {
                    wrong++;
                    if (examples.length() < 400) {
                        examples.append(String.format(" found %.0f m, nearest %.0f m;", found_m, best_m));
                    }
                }
            }
            assertTrue(checked >= 10, "too few points near roads in " + osmFile.getFileName() + ": " + checked);
            assertTrue(wrong == 0, wrong + " of " + checked + " snaps not the nearest walkable way in " + osmFile.getFileName() + ":" + examples);
        }
    }
}
