package org.xiaoche.routing.stops;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.ev.RoadClassLink;
import com.graphhopper.routing.ev.RoadEnvironment;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.EdgeIteratorState;
import org.xiaoche.routing.network.NetworkProfiles;
import org.xiaoche.routing.network.RoadNetwork;

import java.util.BitSet;

/**
 * The roads on which a school bus may stop to pick children up: roads the bus may drive (finite
 * {@code school_bus} weight in some direction, on the bus network's main components) that a child
 * may walk, except motorways, trunk roads and any {@code _link} slip road (no stopping on
 * expressways and their ramps), and except bridges and tunnels (no safe place to wait). Immutable;
 * safe to share between threads.
 */
public final class StoppableRoads {

    private final BaseGraph graph;
    private final BitSet edges;
    private final BitSet nodes;

    private StoppableRoads(BaseGraph graph, BitSet edges, BitSet nodes) {
        this.graph = graph;
        this.edges = edges;
        this.nodes = nodes;
    }

    /** Classifies every edge of {@code network} once. */
    public static StoppableRoads of(RoadNetwork network) {
        EncodingManager encoding = network.graphHopper().getEncodingManager();
        EnumEncodedValue<RoadClass> roadClass = encoding.getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        BooleanEncodedValue isLink = encoding.getBooleanEncodedValue(RoadClassLink.KEY);
        EnumEncodedValue<RoadEnvironment> environment = encoding.getEnumEncodedValue(RoadEnvironment.KEY, RoadEnvironment.class);
        BooleanEncodedValue smallBusComponent = encoding.getBooleanEncodedValue(Subnetwork.key(NetworkProfiles.SCHOOL_BUS));
        Weighting bus = network.busWeighting();
        BaseGraph graph = network.baseGraph();
        BitSet edges = new BitSet(graph.getEdges());
        BitSet nodes = new BitSet(graph.getNodes());
        AllEdgesIterator all = graph.getAllEdges();
        while (all.next()) {
            RoadClass rc = all.get(roadClass);
            RoadEnvironment env = all.get(environment);
            boolean busMayDrive = Double.isFinite(bus.calcEdgeWeight(all, false)) || Double.isFinite(bus.calcEdgeWeight(all, true));
            boolean stoppable = busMayDrive
                    && !all.get(smallBusComponent)
                    && network.walkingGraph().isWalkable(all)
                    && rc != RoadClass.MOTORWAY && rc != RoadClass.TRUNK
                    && !all.get(isLink)
                    && env != RoadEnvironment.BRIDGE && env != RoadEnvironment.TUNNEL
                    && env != RoadEnvironment.FERRY && env != RoadEnvironment.FORD;
            if (stoppable) {
                edges.set(all.getEdge());
                nodes.set(all.getBaseNode());
                nodes.set(all.getAdjNode());
            }
        }
        return new StoppableRoads(graph, edges, nodes);
    }

    /** True when a bus may stop anywhere along the edge. */
    public boolean isStoppable(int edge) {
        return edges.get(edge);
    }

    /** True when the node is an end of at least one stoppable edge. */
    public boolean touchesStoppable(int node) {
        return nodes.get(node);
    }

    /** Number of stoppable edges. */
    public int edgeCount() {
        return edges.cardinality();
    }

    /** The street name of an edge, empty when it has none. */
    String nameOfEdge(int edge) {
        return nameOf(graph.getEdgeIteratorState(edge, Integer.MIN_VALUE));
    }

    /**
     * The street name at a node: that of the lowest-numbered stoppable edge at the node that has a name
     * (a fixed choice, so that repeated runs agree), or empty.
     */
    String nameAtNode(int node) {
        String best = "";
        int bestEdge = Integer.MAX_VALUE;
        EdgeIterator it = graph.createEdgeExplorer().setBaseNode(node);
        while (it.next()) {
            if (edges.get(it.getEdge()) && it.getEdge() < bestEdge) {
                String name = nameOf(it);
                if (!name.isEmpty()) {
                    best = name;
                    bestEdge = it.getEdge();
                }
            }
        }
        return best;
    }

    private static String nameOf(EdgeIteratorState edge) {
        String name = edge.getName();
        return name == null ? "" : name.trim();
    }
}
