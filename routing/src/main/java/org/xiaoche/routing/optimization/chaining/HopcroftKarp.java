package org.xiaoche.routing.optimization.chaining;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum cardinality matching in a bipartite graph (Hopcroft &amp; Karp 1973), O(E √V).
 * Left and right vertices are both numbered {@code 0..n-1}; {@code adjacency.get(u)} lists the
 * right vertices adjacent to left vertex {@code u}.
 */
public final class HopcroftKarp {

    private static final int FREE = -1;
    private static final int INFINITE = Integer.MAX_VALUE;

    private final List<int[]> adjacency;
    private final int[] matchOfLeft;
    private final int[] matchOfRight;
    private final int[] layer;

    private HopcroftKarp(List<int[]> adjacency, int rightSize) {
        this.adjacency = adjacency;
        this.matchOfLeft = new int[adjacency.size()];
        this.matchOfRight = new int[rightSize];
        this.layer = new int[adjacency.size()];
        Arrays.fill(matchOfLeft, FREE);
        Arrays.fill(matchOfRight, FREE);
    }

    /** For each left vertex the matched right vertex, or -1. */
    public static int[] maximumMatching(List<int[]> adjacency, int rightSize) {
        HopcroftKarp hk = new HopcroftKarp(adjacency, rightSize);
        while (hk.layerFreeVertices()) {
            for (int u = 0; u < adjacency.size(); u++) {
                if (hk.matchOfLeft[u] == FREE) {
                    hk.augment(u);
                }
            }
        }
        return hk.matchOfLeft;
    }

    /** BFS from free left vertices; true if some augmenting path exists. */
    private boolean layerFreeVertices() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int u = 0; u < adjacency.size(); u++) {
            if (matchOfLeft[u] == FREE) {
                layer[u] = 0;
                queue.add(u);
            } else {
                layer[u] = INFINITE;
            }
        }
        boolean found = false;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int v : adjacency.get(u)) {
                int w = matchOfRight[v];
                if (w == FREE) {
                    found = true;
                } else if (layer[w] == INFINITE) {
                    layer[w] = layer[u] + 1;
                    queue.add(w);
                }
            }
        }
        return found;
    }

    /** DFS along the BFS layers; iterative depth is bounded by the layer count. */
    private boolean augment(int u) {
        for (int v : adjacency.get(u)) {
            int w = matchOfRight[v];
            if (w == FREE || (layer[w] == layer[u] + 1 && augment(w))) {
                matchOfLeft[u] = v;
                matchOfRight[v] = u;
                return true;
            }
        }
        layer[u] = INFINITE;
        return false;
    }
}
