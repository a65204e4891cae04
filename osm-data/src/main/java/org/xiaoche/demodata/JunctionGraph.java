package org.xiaoche.demodata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The road network reduced to junctions (villages, town gateways, bridge approaches, ramp ends)
 * and the roads between them, for choosing which roads are county roads and where walkers face
 * long detours. Edge references are caller-defined integers.
 */
final class JunctionGraph {

    record Edge(int from, int to, double length_m, int reference) {
        int other(int node) {
            return node == from ? to : from;
        }
    }

    /** Shortest distances from a set of sources and, per node, the edge it was reached by (null at sources). */
    record ShortestPaths(double[] distance_m, Edge[] via) {
        List<Edge> pathTo(int node) {
            List<Edge> path = new ArrayList<>();
            for (int n = node; via[n] != null; n = via[n].other(n)) {
                path.add(via[n]);
            }
            return path;
        }
    }

    private final List<List<Edge>> adjacency = new ArrayList<>();

    int addNode() {
        adjacency.add(new ArrayList<>());
        return adjacency.size() - 1;
    }

    int size() {
        return adjacency.size();
    }

    void addEdge(int from, int to, double length_m, int reference) {
        Edge edge = new Edge(from, to, length_m, reference);
        adjacency.get(from).add(edge);
        adjacency.get(to).add(edge);
    }

    ShortestPaths shortestPaths(List<Integer> sources) {
        double[] distance = new double[size()];
        Edge[] via = new Edge[size()];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        for (int s : sources) {
            distance[s] = 0;
            queue.add(new double[] {0, s});
        }
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int node = (int) head[1];
            if (head[0] > distance[node]) {
                continue;
            }
            for (Edge edge : adjacency.get(node)) {
                int next = edge.other(node);
                double d = head[0] + edge.length_m();
                if (d < distance[next]) {
                    distance[next] = d;
                    via[next] = edge;
                    queue.add(new double[] {d, next});
                }
            }
        }
        return new ShortestPaths(distance, via);
    }
}
