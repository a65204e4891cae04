package org.xiaoche.routing.network;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;

import java.util.BitSet;

/**
 * The walkable network as a plain directed-edge access table over GraphHopper's base graph:
 * which edges a child may walk in which direction, by the {@code foot} profile. Distances are
 * the stored edge lengths, so searches over it find the shortest walkable path, whatever speed or
 * preference the profile expresses. Immutable after construction; safe to share between threads.
 */
public final class WalkingGraph {

    private final BaseGraph graph;
    private final BitSet forward;
    private final BitSet backward;

    WalkingGraph(BaseGraph graph, Weighting footWeighting) {
        this.graph = graph;
        int edges = graph.getEdges();
        this.forward = new BitSet(edges);
        this.backward = new BitSet(edges);
        var all = graph.getAllEdges();
        while (all.next()) {
            int edge = all.getEdge();
            // getAllEdges yields each edge once in its stored orientation (base -> adj = forward).
            if (Double.isFinite(footWeighting.calcEdgeWeight(all, false))) {
                forward.set(edge);
            }
            if (Double.isFinite(footWeighting.calcEdgeWeight(all, true))) {
                backward.set(edge);
            }
        }
    }

    /** True when the edge may be walked in at least one direction. */
    public boolean isWalkable(EdgeIteratorState edge) {
        return forward.get(edge.getEdge()) || backward.get(edge.getEdge());
    }

    /**
     * True when the edge may be walked from {@code fromNode} to its other end. The edge's stored
     * orientation decides which bit applies.
     */
    boolean canWalk(int edge, int fromNode) {
        EdgeIteratorState stored = graph.getEdgeIteratorState(edge, Integer.MIN_VALUE);
        return stored.getBaseNode() == fromNode ? forward.get(edge) : backward.get(edge);
    }

    /** Walk permission against an iterator's direction: from its adj node to its base node. */
    boolean canWalkToBase(EdgeIterator it) {
        boolean storedForward = !it.get(EdgeIteratorState.REVERSE_STATE);
        return storedForward ? backward.get(it.getEdge()) : forward.get(it.getEdge());
    }

    /** Walk permission along an iterator's direction: from its base node to its adj node. */
    boolean canWalkFromBase(EdgeIterator it) {
        boolean storedForward = !it.get(EdgeIteratorState.REVERSE_STATE);
        return storedForward ? forward.get(it.getEdge()) : backward.get(it.getEdge());
    }

    BaseGraph graph() {
        return graph;
    }

    public int nodeCount() {
        return graph.getNodes();
    }
}
