package org.xiaoche.routing.network;

import com.graphhopper.coll.MinHeapWithUpdate;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

import java.util.Arrays;

/**
 * Dijkstra's algorithm on the walkable network towards one destination (a school): after
 * construction it knows, for every node, the shortest walking distance from that node to the
 * destination, following walk permissions in the direction a child walks. One tree answers any
 * number of homes in O(1) each.
 */
public final class ShortestWalkTree {

    private final WalkingGraph walkingGraph;
    private final WalkPoint destination;
    private final double[] toDestination_m;

    private ShortestWalkTree(WalkingGraph walkingGraph, WalkPoint destination, double[] toDestination_m) {
        this.walkingGraph = walkingGraph;
        this.destination = destination;
        this.toDestination_m = toDestination_m;
    }

    /** Builds the full tree (no distance bound: every home gets its true distance). */
    public static ShortestWalkTree towards(WalkingGraph walkingGraph, WalkPoint destination) {
        int nodes = walkingGraph.nodeCount();
        double[] dist = new double[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        MinHeapWithUpdate heap = new MinHeapWithUpdate(nodes);
        // From the edge's ends to the destination point, if walking along the edge that way is allowed.
        if (walkingGraph.canWalk(destination.edge(), destination.baseNode())) {
            relax(heap, dist, destination.baseNode(), destination.offsetFromBase_m());
        }
        if (walkingGraph.canWalk(destination.edge(), destination.adjNode())) {
            relax(heap, dist, destination.adjNode(), destination.offsetToAdj_m());
        }
        EdgeExplorer explorer = walkingGraph.graph().createEdgeExplorer();
        while (!heap.isEmpty()) {
            int node = heap.poll();
            double nodeDist = dist[node];
            EdgeIterator it = explorer.setBaseNode(node);
            while (it.next()) {
                int neighbour = it.getAdjNode();
                if (neighbour == node || !walkingGraph.canWalkToBase(it)) {
                    continue;
                }
                relax(heap, dist, neighbour, nodeDist + it.getDistance());
            }
        }
        return new ShortestWalkTree(walkingGraph, destination, dist);
    }

    private static void relax(MinHeapWithUpdate heap, double[] dist, int node, double candidate_m) {
        if (candidate_m < dist[node]) {
            dist[node] = candidate_m;
            if (heap.contains(node)) {
                heap.update(node, (float) candidate_m);
            } else {
                heap.push(node, (float) candidate_m);
            }
        }
    }

    /**
     * Shortest walking distance from {@code origin} to the destination along the network, between the
     * points where each meets it (access legs excluded); infinite when no walkable path exists.
     */
    public double walk_m(WalkPoint origin) {
        double best = Double.POSITIVE_INFINITY;
        if (walkingGraph.canWalk(origin.edge(), origin.adjNode())) {
            best = Math.min(best, origin.offsetFromBase_m() + toDestination_m[origin.baseNode()]);
        }
        if (walkingGraph.canWalk(origin.edge(), origin.baseNode())) {
            best = Math.min(best, origin.offsetToAdj_m() + toDestination_m[origin.adjNode()]);
        }
        if (origin.edge() == destination.edge()) {
            double along_m = destination.offsetFromBase_m() - origin.offsetFromBase_m();
            int walkFrom = along_m >= 0 ? origin.baseNode() : origin.adjNode();
            if (along_m == 0 || walkingGraph.canWalk(origin.edge(), walkFrom)) {
                best = Math.min(best, Math.abs(along_m));
            }
        }
        return best;
    }
}
