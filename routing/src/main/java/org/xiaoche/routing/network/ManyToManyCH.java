package org.xiaoche.routing.network;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntToDoubleFunction;

/**
 * Bucket-based many-to-many shortest paths on a contraction hierarchy (Knopp et al., 2007).
 *
 * <p>One backward upward search per target leaves, at every node it reaches, a bucket entry
 * (target, weight, distance). One forward upward search per source then scans the buckets of the
 * nodes it reaches: source → meeting node → target. Every shortest path in a CH has such a
 * meeting node (its highest node), so the minimum over the buckets is exact. Upward searches run
 * to exhaustion (no stopping criterion), which is what makes the buckets complete.
 *
 * <p>Snapped points in the middle of a road are virtual nodes of a
 * {@link com.graphhopper.routing.querygraph.QueryRoutingCHGraph}. They are treated as if
 * contracted before every real node: a search at a virtual node follows its virtual edges (along
 * the split road, in the directions the road allows, to the next virtual node or the road's end
 * nodes); a search at a real node follows only the stored CH, upward, and never descends into
 * virtual nodes. The stored CH still holds the unsplit road, which is exactly the shortcut that
 * contracting the virtual nodes would add, so the hierarchy stays valid. (GraphHopper's own
 * queries instead follow every virtual edge from everywhere; with many points that floods a small
 * network, as every road then carries virtual nodes.)
 *
 * <p>The distance carried with each weight is the length of the path of least weight (ties keep
 * whichever path is met first). The work is shared between {@code threads} threads, each with its
 * own explorers and search arrays: targets in the backward phase, sources (whole matrix rows) in
 * the forward phase. Instances are single-use per {@link #compute} call and not shared.
 */
final class ManyToManyCH {

    private static final double INF = Double.POSITIVE_INFINITY;

    private final RoutingCHGraph storedCh;
    private final RoutingCHGraph queryCh;
    private final int[] level;
    private final int realNodes;
    private final IntToDoubleFunction edgeDistance_m;
    private final int threads;

    /**
     * @param storedCh       GraphHopper's stored CH: searched at real nodes
     * @param queryCh        the same CH with the snapped points added as virtual nodes: searched
     *                       at virtual nodes only
     * @param level          CH level of each real node, {@code level.length} = number of real nodes;
     *                       nodes at or above it are virtual
     * @param edgeDistance_m length in metres of a CH edge id of {@code queryCh} (shortcuts and
     *                       virtual edges included)
     * @param threads        number of threads to use, at least 1
     */
    ManyToManyCH(RoutingCHGraph storedCh, RoutingCHGraph queryCh, int[] level, IntToDoubleFunction edgeDistance_m, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.storedCh = storedCh;
        this.queryCh = queryCh;
        this.level = level;
        this.realNodes = level.length;
        this.edgeDistance_m = edgeDistance_m;
        this.threads = threads;
    }

    /**
     * Fills row-major matrices {@code [source * targets.length + target]} with the least weight
     * (seconds for the bus profile) and the corresponding distance in metres; +infinity in both
     * where no path exists.
     *
     * @param sources nodes of {@code queryCh} where paths start
     * @param targets nodes of {@code queryCh} where paths end
     */
    void compute(int[] sources, int[] targets, double[] weight, double[] distance_m) {
        int cells = sources.length * targets.length;
        if (weight.length != cells || distance_m.length != cells) {
            throw new IllegalArgumentException("matrices must have " + cells + " cells");
        }
        Arrays.fill(weight, INF);
        Arrays.fill(distance_m, INF);
        if (cells == 0) {
            return;
        }
        UpwardSearch[] searches = new UpwardSearch[Math.min(threads, Math.max(sources.length, targets.length))];
        for (int i = 0; i < searches.length; i++) {
            searches[i] = new UpwardSearch();
        }

        SearchSpace[] backward = new SearchSpace[targets.length];
        runParallel(searches, targets.length, (search, t) -> {
            search.run(targets[t], true);
            backward[t] = search.copySpace();
        });
        Buckets buckets = Buckets.of(backward, queryCh.getNodes());

        int columns = targets.length;
        runParallel(searches, sources.length, (search, s) -> {
            search.run(sources[s], false);
            search.scan(buckets, weight, distance_m, s * columns);
        });
    }

    private interface Task {
        void run(UpwardSearch search, int index);
    }

    /** Runs {@code task} for indices {@code 0..count-1}, one thread per search object, the caller being one of them. */
    private static void runParallel(UpwardSearch[] searches, int count, Task task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable[] workers = new Runnable[searches.length];
        for (int w = 0; w < searches.length; w++) {
            UpwardSearch search = searches[w];
            workers[w] = () -> {
                try {
                    for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                        task.run(search, i);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            };
        }
        Thread[] helpers = new Thread[workers.length - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(workers[i + 1], "many-to-many-ch-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        workers[0].run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        if (f != null) {
            throw new IllegalStateException("many-to-many search interrupted", f);
        }
    }

    /** The nodes an upward search reached, with their weight and distance from its start. */
    private record SearchSpace(int[] nodes, double[] weight, double[] distance_m) {
    }

    /**
     * All backward search spaces, grouped by node (compressed rows): the entries of node
     * {@code v} are {@code start[v] .. start[v+1]-1}.
     */
    private record Buckets(int[] start, int[] target, double[] weight, double[] distance_m) {

        static Buckets of(SearchSpace[] spaces, int nodes) {
            int[] start = new int[nodes + 1];
            int total = 0;
            for (SearchSpace space : spaces) {
                for (int node : space.nodes()) {
                    start[node + 1]++;
                }
                total += space.nodes().length;
            }
            for (int v = 0; v < nodes; v++) {
                start[v + 1] += start[v];
            }
            int[] fill = Arrays.copyOf(start, nodes);
            int[] target = new int[total];
            double[] weight = new double[total];
            double[] distance_m = new double[total];
            for (int t = 0; t < spaces.length; t++) {
                SearchSpace space = spaces[t];
                for (int k = 0; k < space.nodes().length; k++) {
                    int at = fill[space.nodes()[k]]++;
                    target[at] = t;
                    weight[at] = space.weight()[k];
                    distance_m[at] = space.distance_m()[k];
                }
            }
            return new Buckets(start, target, weight, distance_m);
        }
    }

    /**
     * Dijkstra restricted to upward edges, with arrays sized to the graph and reset only where
     * touched, so that a thread can run thousands of searches without reallocating.
     */
    private final class UpwardSearch {
        private final RoutingCHEdgeExplorer storedOut = storedCh.createOutEdgeExplorer();
        private final RoutingCHEdgeExplorer storedIn = storedCh.createInEdgeExplorer();
        private final RoutingCHEdgeExplorer virtualOut = queryCh.createOutEdgeExplorer();
        private final RoutingCHEdgeExplorer virtualIn = queryCh.createInEdgeExplorer();
        private final double[] weight;
        private final double[] distance_m;
        private int[] touched = new int[256];
        private int touchedCount;
        // Binary min-heap of (key, node); stale entries (key above the node's weight) are skipped.
        private double[] heapKey = new double[256];
        private int[] heapNode = new int[256];
        private int heapSize;

        UpwardSearch() {
            weight = new double[queryCh.getNodes()];
            distance_m = new double[queryCh.getNodes()];
            Arrays.fill(weight, INF);
        }

        /** Searches upward from {@code start}, forward (out-edges) or backward (in-edges). */
        void run(int start, boolean backward) {
            for (int i = 0; i < touchedCount; i++) {
                weight[touched[i]] = INF;
            }
            touchedCount = 0;
            heapSize = 0;
            reach(start, 0, 0);
            while (heapSize > 0) {
                double key = heapKey[0];
                int node = pop();
                if (key > weight[node]) {
                    continue;
                }
                double nodeDistance_m = distance_m[node];
                boolean nodeVirtual = node >= realNodes;
                int nodeLevel = nodeVirtual ? Integer.MIN_VALUE : level[node];
                RoutingCHEdgeIterator edge = nodeVirtual
                        ? (backward ? virtualIn : virtualOut).setBaseNode(node)
                        : (backward ? storedIn : storedOut).setBaseNode(node);
                while (edge.next()) {
                    int adj = edge.getAdjNode();
                    // Virtual edges lead up to real nodes; in the stored CH, shortcuts are kept
                    // only at their lower end and original edges count only upward.
                    if (!nodeVirtual && !edge.isShortcut() && level[adj] < nodeLevel) {
                        continue;
                    }
                    double edgeWeight = edge.getWeight(backward);
                    if (edgeWeight == INF) {
                        continue;
                    }
                    double candidate = key + edgeWeight;
                    if (candidate < weight[adj]) {
                        reach(adj, candidate, nodeDistance_m + edgeDistance_m.applyAsDouble(edge.getEdge()));
                    }
                }
            }
        }

        private void reach(int node, double w, double d_m) {
            if (weight[node] == INF) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = node;
            }
            weight[node] = w;
            distance_m[node] = d_m;
            push(w, node);
        }

        SearchSpace copySpace() {
            int[] nodes = Arrays.copyOf(touched, touchedCount);
            double[] w = new double[touchedCount];
            double[] d = new double[touchedCount];
            for (int i = 0; i < touchedCount; i++) {
                w[i] = weight[nodes[i]];
                d[i] = distance_m[nodes[i]];
            }
            return new SearchSpace(nodes, w, d);
        }

        /** Relaxes the matrix row at {@code rowOffset} through every bucket of the last search's space. */
        void scan(Buckets buckets, double[] rowWeight, double[] rowDistance_m, int rowOffset) {
            int[] start = buckets.start();
            int[] target = buckets.target();
            double[] bucketWeight = buckets.weight();
            double[] bucketDistance_m = buckets.distance_m();
            for (int i = 0; i < touchedCount; i++) {
                int node = touched[i];
                double w = weight[node];
                double d = distance_m[node];
                for (int k = start[node], end = start[node + 1]; k < end; k++) {
                    int cell = rowOffset + target[k];
                    double candidate = w + bucketWeight[k];
                    if (candidate < rowWeight[cell]) {
                        rowWeight[cell] = candidate;
                        rowDistance_m[cell] = d + bucketDistance_m[k];
                    }
                }
            }
        }

        private void push(double key, int node) {
            if (heapSize == heapKey.length) {
                heapKey = Arrays.copyOf(heapKey, heapSize * 2);
                heapNode = Arrays.copyOf(heapNode, heapSize * 2);
            }
            int i = heapSize++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heapKey[parent] <= key) {
                    break;
                }
                heapKey[i] = heapKey[parent];
                heapNode[i] = heapNode[parent];
                i = parent;
            }
            heapKey[i] = key;
            heapNode[i] = node;
        }

        private int pop() {
            int top = heapNode[0];
            int size = --heapSize;
            if (size > 0) {
                double key = heapKey[size];
                int node = heapNode[size];
                int i = 0;
                while (true) {
                    int child = 2 * i + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && heapKey[child + 1] < heapKey[child]) {
                        child++;
                    }
                    if (heapKey[child] >= key) {
                        break;
                    }
                    heapKey[i] = heapKey[child];
                    heapNode[i] = heapNode[child];
                    i = child;
                }
                heapKey[i] = key;
                heapNode[i] = node;
            }
            return top;
        }
    }
}
