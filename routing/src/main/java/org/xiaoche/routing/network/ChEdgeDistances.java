package org.xiaoche.routing.network;

import com.graphhopper.storage.CHStorage;
import com.graphhopper.storage.Graph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.RoutingCHGraphImpl;

import java.util.Arrays;

/**
 * Length in metres of every edge of a contraction hierarchy: original road edges and shortcuts.
 * GraphHopper's CH stores only the weight of a shortcut, so the length of each shortcut is
 * computed once, by summing the original edges it replaces; searches can then carry distance
 * alongside weight at the cost of one array read per relaxed edge.
 *
 * <p>Edge ids are those of {@link RoutingCHGraph}: {@code [0, baseEdges)} original edges,
 * {@code [baseEdges, baseEdges + shortcuts)} shortcuts. Immutable and thread-safe once built.
 */
final class ChEdgeDistances {

    private final int baseEdges;
    private final double[] distance_m;

    private ChEdgeDistances(int baseEdges, double[] distance_m) {
        this.baseEdges = baseEdges;
        this.distance_m = distance_m;
    }

    /** Computes the lengths for {@code ch}, which must be GraphHopper's stored node-based CH. */
    static ChEdgeDistances of(RoutingCHGraph ch) {
        if (!(ch instanceof RoutingCHGraphImpl stored)) {
            throw new IllegalArgumentException("expected the stored CH graph, got " + ch.getClass().getName());
        }
        if (ch.isEdgeBased()) {
            throw new IllegalArgumentException("edge-based CH is not supported; the bus profile has no turn costs");
        }
        Graph base = ch.getBaseGraph();
        int baseEdges = base.getEdges();
        CHStorage storage = stored.getCHStorage();
        int shortcuts = storage.getShortcuts();
        double[] distance_m = new double[baseEdges + shortcuts];
        for (int e = 0; e < baseEdges; e++) {
            distance_m[e] = base.getEdgeIteratorState(e, Integer.MIN_VALUE).getDistance();
        }
        Arrays.fill(distance_m, baseEdges, distance_m.length, Double.NaN);
        for (int s = 0; s < shortcuts; s++) {
            resolve(storage, baseEdges, distance_m, baseEdges + s);
        }
        return new ChEdgeDistances(baseEdges, distance_m);
    }

    /**
     * Sums a shortcut's two skipped edges. Skipped edges are normally older shortcuts (already
     * resolved in id order); an explicit stack covers any other order without deep recursion.
     */
    private static void resolve(CHStorage storage, int baseEdges, double[] distance_m, int chEdge) {
        if (!Double.isNaN(distance_m[chEdge])) {
            return;
        }
        int[] stack = new int[64];
        int size = 0;
        stack[size++] = chEdge;
        while (size > 0) {
            int edge = stack[size - 1];
            long pointer = storage.toShortcutPointer(edge - baseEdges);
            int skipped1 = storage.getSkippedEdge1(pointer);
            int skipped2 = storage.getSkippedEdge2(pointer);
            boolean ready = true;
            for (int skipped : new int[]{skipped1, skipped2}) {
                if (Double.isNaN(distance_m[skipped])) {
                    ready = false;
                    if (size == stack.length) {
                        stack = Arrays.copyOf(stack, size * 2);
                    }
                    stack[size++] = skipped;
                }
            }
            if (ready) {
                distance_m[edge] = distance_m[skipped1] + distance_m[skipped2];
                size--;
            }
        }
    }

    /** Number of original edges; CH edge ids at or above it are shortcuts (or, in a query graph, virtual). */
    int baseEdges() {
        return baseEdges;
    }

    /** Number of original edges plus shortcuts. */
    int size() {
        return distance_m.length;
    }

    /** Length of original edge or shortcut {@code chEdge}, in metres. */
    double distance_m(int chEdge) {
        return distance_m[chEdge];
    }
}
