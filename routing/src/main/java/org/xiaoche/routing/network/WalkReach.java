package org.xiaoche.routing.network;

import java.util.Arrays;

/**
 * What a {@link BoundedWalkSearch} found: the nodes within the bound of one origin and their shortest
 * walking distances from where the origin meets the network. Nodes are listed in ascending node order
 * (stable for one graph; node numbers are not stable across imports and must not be stored).
 */
public final class WalkReach {

    private final WalkingGraph walkingGraph;
    private final WalkPoint origin;
    private final double limit_m;
    private final int[] nodes;
    private final double[] walks_m;

    WalkReach(WalkingGraph walkingGraph, WalkPoint origin, double limit_m, int[] nodes, double[] walks_m) {
        this.walkingGraph = walkingGraph;
        this.origin = origin;
        this.limit_m = limit_m;
        this.nodes = nodes;
        this.walks_m = walks_m;
    }

    public double limit_m() {
        return limit_m;
    }

    /** Number of nodes reached within the bound. */
    public int size() {
        return nodes.length;
    }

    /** The {@code i}-th reached node, in ascending node order. */
    public int node(int i) {
        return nodes[i];
    }

    /** Walking distance to the {@code i}-th reached node. */
    public double nodeWalk_m(int i) {
        return walks_m[i];
    }

    /** Walking distance to {@code node}; infinite when it lies beyond the bound or cannot be walked to. */
    public double walk_m(int node) {
        int i = Arrays.binarySearch(nodes, node);
        return i >= 0 ? walks_m[i] : Double.POSITIVE_INFINITY;
    }

    /**
     * Shortest walking distance from the origin to where {@code target} meets the network (access legs
     * excluded); infinite when it lies beyond the bound or cannot be walked to.
     */
    public double walk_m(WalkPoint target) {
        double best = Double.POSITIVE_INFINITY;
        // Into the target's edge from either end, if walking along it towards the target is allowed.
        if (walkingGraph.canWalk(target.edge(), target.baseNode())) {
            best = Math.min(best, walk_m(target.baseNode()) + target.offsetFromBase_m());
        }
        if (walkingGraph.canWalk(target.edge(), target.adjNode())) {
            best = Math.min(best, walk_m(target.adjNode()) + target.offsetToAdj_m());
        }
        if (origin.edge() == target.edge()) {
            double along_m = target.offsetFromBase_m() - origin.offsetFromBase_m();
            int walkFrom = along_m >= 0 ? origin.baseNode() : origin.adjNode();
            if (along_m == 0 || walkingGraph.canWalk(origin.edge(), walkFrom)) {
                best = Math.min(best, Math.abs(along_m));
            }
        }
        return best <= limit_m ? best : Double.POSITIVE_INFINITY;
    }
}
