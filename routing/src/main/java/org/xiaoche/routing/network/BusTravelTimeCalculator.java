package org.xiaoche.routing.network;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import org.xiaoche.routing.geo.LonLat;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes {@link BusTravelTimes} matrices on a road network's {@code school_bus} contraction
 * hierarchy with a bucket-based many-to-many search ({@link ManyToManyCH}).
 *
 * <p>Points are snapped with {@link RoadNetwork#snapForBus} and inserted into a GraphHopper
 * {@link QueryGraph}, so a point in the middle of a road starts and ends there, in the
 * directions the road allows (one-way streets), exactly as GraphHopper's point-to-point route
 * would. GraphHopper node ids live only inside one call: they are never kept or returned.
 *
 * <p>Distances are carried alongside times during the search (shortcut lengths are computed
 * once per calculator by {@link ChEdgeDistances}), so both matrices are complete and exact for the
 * fastest path; no unpacking on demand is needed.
 *
 * <p>Building a calculator costs one pass over the CH shortcuts; keep one per network. It is
 * thread-safe: {@link #compute} may be called concurrently, each call using {@code threads}
 * threads of its own.
 */
public final class BusTravelTimeCalculator {

    private final RoadNetwork network;
    private final RoutingCHGraph ch;
    private final ChEdgeDistances edgeDistances;
    private final int[] level;
    private final int threads;

    /** A calculator using every available processor. */
    public BusTravelTimeCalculator(RoadNetwork network) {
        this(network, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads threads per {@link #compute} call, at least 1
     * @throws IllegalStateException when the network has no {@code school_bus} CH, or its weight
     *                               is not travel time in seconds (the matrix would not be times)
     */
    public BusTravelTimeCalculator(RoadNetwork network, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.network = network;
        this.ch = network.graphHopper().getCHGraphs().get(NetworkProfiles.SCHOOL_BUS);
        if (ch == null) {
            throw new IllegalStateException("road network has no contraction hierarchy for " + NetworkProfiles.SCHOOL_BUS);
        }
        requireWeightIsSeconds(network.baseGraph(), ch.getWeighting());
        this.edgeDistances = ChEdgeDistances.of(ch);
        this.level = new int[ch.getNodes()];
        for (int node = 0; node < level.length; node++) {
            level[node] = ch.getLevel(node);
        }
        this.threads = threads;
    }

    /**
     * The bus travel times and distances between every ordered pair of {@code points}.
     *
     * @param maxSnapDistance_m a point farther than this from every bus road is an error
     * @throws OffBusNetworkException naming every point (index, position, distance) that cannot
     *                                be placed on the bus network within {@code maxSnapDistance_m}
     */
    public BusTravelTimes compute(List<LonLat> points, double maxSnapDistance_m) {
        int n = points.size();
        List<Snap> snaps = new ArrayList<>(n);
        double[] snapDistance_m = new double[n];
        List<OffBusNetworkPoint> off = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LonLat point = points.get(i);
            Snap snap = network.snapForBus(point);
            double distance_m = snap.isValid() ? snap.getQueryDistance() : Double.POSITIVE_INFINITY;
            if (!(distance_m <= maxSnapDistance_m)) {
                off.add(new OffBusNetworkPoint(i, point, distance_m, maxSnapDistance_m));
            }
            snaps.add(snap);
            snapDistance_m[i] = distance_m;
        }
        if (!off.isEmpty()) {
            throw new OffBusNetworkException(off, n);
        }

        BaseGraph base = network.baseGraph();
        // Creating the query graph turns each snap's closest node into its (possibly virtual) node.
        QueryGraph queryGraph = QueryGraph.create(base, snaps);
        QueryRoutingCHGraph queryCh = new QueryRoutingCHGraph(ch, queryGraph);
        int[] nodes = new int[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = snaps.get(i).getClosestNode();
        }
        double[] virtualDistance_m = new double[queryGraph.getEdges() - base.getEdges()];
        for (int e = 0; e < virtualDistance_m.length; e++) {
            virtualDistance_m[e] = queryGraph.getEdgeIteratorState(base.getEdges() + e, Integer.MIN_VALUE).getDistance();
        }
        int chEdges = edgeDistances.size();
        // Query CH edge ids: original edges and shortcuts as in the stored CH, then the virtual edges.
        ManyToManyCH search = new ManyToManyCH(ch, queryCh, level, chEdge -> chEdge < chEdges
                ? edgeDistances.distance_m(chEdge) : virtualDistance_m[chEdge - chEdges], threads);
        double[] time_s = new double[n * n];
        double[] distance_m = new double[n * n];
        search.compute(nodes, nodes, time_s, distance_m);
        return new BusTravelTimes(points, snapDistance_m, time_s, distance_m);
    }

    /** Number of original edges plus shortcuts in the bus CH (for reports). */
    public int chEdgeCount() {
        return edgeDistances.size();
    }

    /**
     * The matrix reports CH weights as seconds. That holds only while the bus custom model keeps
     * {@code distance_influence} 0 and priorities 0 or 1; check a sample of edges so that a
     * changed model fails loudly here instead of yielding wrong timetables.
     */
    private static void requireWeightIsSeconds(BaseGraph base, Weighting weighting) {
        int checked = 0;
        for (int e = 0; e < base.getEdges() && checked < 2_000; e++) {
            EdgeIteratorState edge = base.getEdgeIteratorState(e, Integer.MIN_VALUE);
            double weight = weighting.calcEdgeWeight(edge, false);
            if (Double.isInfinite(weight)) {
                continue;
            }
            long millis = weighting.calcEdgeMillis(edge, false);
            if (Math.abs(weight * 1000 - millis) > 1 + 1e-6 * millis) {
                throw new IllegalStateException("the " + NetworkProfiles.SCHOOL_BUS + " weight is not travel time in seconds (edge "
                        + e + ": weight " + weight + ", time " + millis / 1000.0 + " s); keep distance_influence 0 and priority 0 or 1");
            }
            checked++;
        }
    }
}
