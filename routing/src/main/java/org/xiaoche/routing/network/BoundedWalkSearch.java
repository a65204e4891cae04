package org.xiaoche.routing.network;

import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

import java.util.Arrays;

/**
 * Dijkstra's algorithm on the walkable network outwards from one point (a home), in the direction a
 * child walks, stopping at a distance bound: everything within a few hundred metres costs a few
 * hundred node visits, not a search of the whole county. One instance keeps its work arrays between
 * searches, so it is not thread-safe: use one per thread, for any number of origins.
 */
public final class BoundedWalkSearch {

    private final WalkingGraph walkingGraph;
    private final EdgeExplorer explorer;
    private final MinHeapWithUpdate heap;
    private final double[] dist_m;
    private int[] touched = new int[64];
    private int touchedCount;

    public BoundedWalkSearch(WalkingGraph walkingGraph) {
        this.walkingGraph = walkingGraph;
        this.explorer = walkingGraph.graph().createEdgeExplorer();
        int nodes = walkingGraph.nodeCount();
        this.heap = new MinHeapWithUpdate(nodes);
        this.dist_m = new double[nodes];
        Arrays.fill(dist_m, Double.POSITIVE_INFINITY);
    }

    /**
     * Every node the walk from {@code origin} reaches within {@code limit_m} (inclusive), with its
     * shortest walking distance from where the origin meets the network.
     *
     * @throws IllegalArgumentException when {@code limit_m} is negative or not finite
     */
    public WalkReach from(WalkPoint origin, double limit_m) {
        if (!(limit_m >= 0) || !Double.isFinite(limit_m)) {
            throw new IllegalArgumentException("limit must be a finite number of metres >= 0, got " + limit_m);
        }
        // From the origin point along its edge to each end, if walking that way is allowed.
        if (walkingGraph.canWalk(origin.edge(), origin.adjNode())) {
            relax(origin.baseNode(), origin.offsetFromBase_m(), limit_m);
        }
        if (walkingGraph.canWalk(origin.edge(), origin.baseNode())) {
            relax(origin.adjNode(), origin.offsetToAdj_m(), limit_m);
        }
        while (!heap.isEmpty()) {
            int node = heap.poll();
            double nodeDist_m = dist_m[node];
            EdgeIterator it = explorer.setBaseNode(node);
            while (it.next()) {
                int neighbour = it.getAdjNode();
                if (neighbour == node || !walkingGraph.canWalkFromBase(it)) {
                    continue;
                }
                relax(neighbour, nodeDist_m + it.getDistance(), limit_m);
            }
        }
        int[] nodes = Arrays.copyOf(touched, touchedCount);
        // Node order, so that callers iterating the reach see a stable order and lookups can bisect.
        Arrays.sort(nodes);
        double[] walks_m = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            walks_m[i] = dist_m[nodes[i]];
        }
        for (int i = 0; i < touchedCount; i++) {
            dist_m[touched[i]] = Double.POSITIVE_INFINITY;
        }
        touchedCount = 0;
        heap.clear();
        return new WalkReach(walkingGraph, origin, limit_m, nodes, walks_m);
    }

    private void relax(int node, double candidate_m, double limit_m) {
        if (candidate_m > limit_m || candidate_m >= dist_m[node]) {
            return;
        }
        if (Double.isInfinite(dist_m[node])) {
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
            }
            touched[touchedCount++] = node;
        }
        dist_m[node] = candidate_m;
        if (heap.contains(node)) {
            heap.update(node, (float) candidate_m);
        } else {
            heap.push(node, (float) candidate_m);
        }
    }
}
