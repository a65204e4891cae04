package org.xiaoche.routing.network;

import com.graphhopper.routing.util.AllEdgesIterator;

/**
 * Connected components of the walkable network, ignoring walking direction (union–find over
 * walkable edges). Tells "lives on a different network component" apart from "no route" when a
 * walking search finds no path.
 */
public final class WalkComponents {

    private final int[] parent;

    WalkComponents(WalkingGraph walkingGraph) {
        int nodes = walkingGraph.nodeCount();
        parent = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
        }
        AllEdgesIterator all = walkingGraph.graph().getAllEdges();
        while (all.next()) {
            if (walkingGraph.isWalkable(all)) {
                union(all.getBaseNode(), all.getAdjNode());
            }
        }
        for (int i = 0; i < nodes; i++) {
            parent[i] = find(i);
        }
    }

    private int find(int node) {
        int root = node;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** True when both points lie on one connected piece of the walkable network. */
    public boolean connected(WalkPoint a, WalkPoint b) {
        return parent[a.baseNode()] == parent[b.baseNode()];
    }
}
