package org.xiaoche.benchmarks.network;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.NetworkProfiles;
import org.xiaoche.routing.network.RoadNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random points lying on the bus network: a random drivable edge of the main bus component, then a
 * random position along its geometry; the same seed gives the same points on the same graph. Same
 * code as the sampler of routing's matrix tests.
 */
final class RandomBusPoints {

    private RandomBusPoints() {
    }

    /** {@code count} points, each on a random drivable edge. */
    static List<LonLat> sample(RoadNetwork network, int count, long seed) {
        return sample(network, count, 1, seed);
    }

    /**
     * {@code edges × perEdge} points: {@code perEdge} points on each of {@code edges} random
     * drivable edges, so that several snapped points share a road (consecutive in the list).
     */
    static List<LonLat> sample(RoadNetwork network, int edges, int perEdge, long seed) {
        BaseGraph graph = network.baseGraph();
        Weighting bus = network.busWeighting();
        BooleanEncodedValue inSubnetwork = network.graphHopper().getEncodingManager()
                .getBooleanEncodedValue(Subnetwork.key(NetworkProfiles.SCHOOL_BUS));
        List<Integer> drivable = new ArrayList<>();
        for (int e = 0; e < graph.getEdges(); e++) {
            EdgeIteratorState edge = graph.getEdgeIteratorState(e, Integer.MIN_VALUE);
            if (edge.get(inSubnetwork)) {
                continue;
            }
            if (Double.isFinite(bus.calcEdgeWeight(edge, false)) || Double.isFinite(bus.calcEdgeWeight(edge, true))) {
                drivable.add(e);
            }
        }
        if (drivable.isEmpty()) {
            throw new IllegalArgumentException("no drivable bus edge in the network");
        }
        Random random = new Random(seed);
        List<LonLat> points = new ArrayList<>(edges * perEdge);
        for (int i = 0; i < edges; i++) {
            EdgeIteratorState edge = graph.getEdgeIteratorState(drivable.get(random.nextInt(drivable.size())), Integer.MIN_VALUE);
            PointList geometry = edge.fetchWayGeometry(FetchMode.ALL);
            for (int k = 0; k < perEdge; k++) {
                points.add(along(geometry, random.nextDouble()));
            }
        }
        return points;
    }

    private static LonLat along(PointList geometry, double fraction) {
        double[] cumulative_m = new double[geometry.size()];
        for (int i = 1; i < geometry.size(); i++) {
            cumulative_m[i] = cumulative_m[i - 1] + DistanceCalcEarth.DIST_EARTH.calcDist(
                    geometry.getLat(i - 1), geometry.getLon(i - 1), geometry.getLat(i), geometry.getLon(i));
        }
        double at_m = fraction * cumulative_m[geometry.size() - 1];
        for (int i = 1; i < geometry.size(); i++) {
            if (cumulative_m[i] >= at_m) {
                double segment_m = cumulative_m[i] - cumulative_m[i - 1];
                double f = segment_m > 0 ? (at_m - cumulative_m[i - 1]) / segment_m : 0;
                return new LonLat(geometry.getLon(i - 1) + f * (geometry.getLon(i) - geometry.getLon(i - 1)),
                        geometry.getLat(i - 1) + f * (geometry.getLat(i) - geometry.getLat(i - 1)));
            }
        }
        return new LonLat(geometry.getLon(0), geometry.getLat(0));
    }
}
