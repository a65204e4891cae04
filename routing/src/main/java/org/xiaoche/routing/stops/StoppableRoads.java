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
import org.xiaoche.routing.policy.PlanningPolicy;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The roads on which a school bus may stop to pick children up: roads the bus may drive (finite
 * {@code school_bus} weight in some direction, on the bus network's main components) that a child
 * may walk, whose OSM class is one of the policy's {@link PlanningPolicy#stopRoadClasses()} (by default no
 * motorway, trunk road or {@code _link} slip road) and whose environment is not one of its
 * {@link PlanningPolicy#noStopRoadEnvironments()} (by default no bridge or tunnel). Ferries and fords are never
 * stoppable. Immutable; safe to share between threads.
 */
public final class StoppableRoads {

    /** What a sign at a stop would call a road: its name and its route number, each empty when it has none. */
    record RoadLabel(String name, String ref, RoadClass roadClass) {
        boolean isEmpty() {
            return name.isEmpty() && ref.isEmpty();
        }
    }

    private final BaseGraph graph;
    private final EnumEncodedValue<RoadClass> roadClass;
    private final List<String> stopRoadClasses;
    private final List<String> noStopRoadEnvironments;
    private final BitSet edges;
    private final BitSet nodes;

    private StoppableRoads(BaseGraph graph, EnumEncodedValue<RoadClass> roadClass, PlanningPolicy policy, BitSet edges,
                           BitSet nodes) {
        this.graph = graph;
        this.roadClass = roadClass;
        this.stopRoadClasses = policy.stopRoadClasses();
        this.noStopRoadEnvironments = policy.noStopRoadEnvironments();
        this.edges = edges;
        this.nodes = nodes;
    }

    /** Classifies every edge of {@code network} once, by the default policy's rules. */
    public static StoppableRoads of(RoadNetwork network) {
        return of(network, PlanningPolicy.defaults());
    }

    /** Classifies every edge of {@code network} once, by {@code policy}'s stopping rules. */
    public static StoppableRoads of(RoadNetwork network, PlanningPolicy policy) {
        EncodingManager encoding = network.graphHopper().getEncodingManager();
        EnumEncodedValue<RoadClass> roadClass = encoding.getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        BooleanEncodedValue isLink = encoding.getBooleanEncodedValue(RoadClassLink.KEY);
        EnumEncodedValue<RoadEnvironment> environment = encoding.getEnumEncodedValue(RoadEnvironment.KEY, RoadEnvironment.class);
        BooleanEncodedValue smallBusComponent = encoding.getBooleanEncodedValue(Subnetwork.key(NetworkProfiles.SCHOOL_BUS));
        Set<String> allowedClasses = Set.copyOf(policy.stopRoadClasses());
        Set<String> refusedEnvironments = Set.copyOf(policy.noStopRoadEnvironments());
        Weighting bus = network.busWeighting();
        BaseGraph graph = network.baseGraph();
        BitSet edges = new BitSet(graph.getEdges());
        BitSet nodes = new BitSet(graph.getNodes());
        AllEdgesIterator all = graph.getAllEdges();
        while (all.next()) {
            RoadEnvironment env = all.get(environment);
            String osmClass = all.get(roadClass).toString() + (all.get(isLink) ? "_link" : "");
            boolean busMayDrive = Double.isFinite(bus.calcEdgeWeight(all, false)) || Double.isFinite(bus.calcEdgeWeight(all, true));
            boolean stoppable = busMayDrive
                    && !all.get(smallBusComponent)
                    && network.walkingGraph().isWalkable(all)
                    && allowedClasses.contains(osmClass)
                    && !refusedEnvironments.contains(env.toString())
                    && env != RoadEnvironment.FERRY && env != RoadEnvironment.FORD;
            if (stoppable) {
                edges.set(all.getEdge());
                nodes.set(all.getBaseNode());
                nodes.set(all.getAdjNode());
            }
        }
        return new StoppableRoads(graph, roadClass, policy, edges, nodes);
    }

    /** True when these roads were classified by the same stopping rules as {@code policy} has. */
    boolean followsRulesOf(PlanningPolicy policy) {
        return stopRoadClasses.equals(policy.stopRoadClasses()) && noStopRoadEnvironments.equals(policy.noStopRoadEnvironments());
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

    /** Name, route number and class of an edge. */
    RoadLabel labelOfEdge(int edge) {
        return labelOf(graph.getEdgeIteratorState(edge, Integer.MIN_VALUE));
    }

    /**
     * The road a stop at this node is best known by: among the stoppable edges at the node, one with a name or route
     * number before one without, then the most important class, then the lowest edge number (a fixed choice, so that
     * repeated runs agree). Null when no stoppable edge meets the node.
     */
    RoadLabel labelAtNode(int node) {
        RoadLabel best = null;
        int bestEdge = Integer.MAX_VALUE;
        EdgeIterator it = graph.createEdgeExplorer().setBaseNode(node);
        while (it.next()) {
            if (!edges.get(it.getEdge())) {
                continue;
            }
            RoadLabel label = labelOf(it);
            if (best == null || better(label, it.getEdge(), best, bestEdge)) {
                best = label;
                bestEdge = it.getEdge();
            }
        }
        return best;
    }

    private static boolean better(RoadLabel a, int edgeA, RoadLabel b, int edgeB) {
        if (a.isEmpty() != b.isEmpty()) {
            return !a.isEmpty();
        }
        if (importance(a.roadClass()) != importance(b.roadClass())) {
            return importance(a.roadClass()) > importance(b.roadClass());
        }
        return edgeA < edgeB;
    }

    /** Higher for roads more people know by name. */
    private static int importance(RoadClass rc) {
        return switch (rc) {
            case MOTORWAY -> 9;
            case TRUNK -> 8;
            case PRIMARY -> 7;
            case SECONDARY -> 6;
            case TERTIARY -> 5;
            case UNCLASSIFIED -> 4;
            case RESIDENTIAL -> 3;
            case LIVING_STREET, ROAD -> 2;
            case SERVICE -> 1;
            default -> 0;
        };
    }

    private RoadLabel labelOf(EdgeIteratorState edge) {
        Object ref = edge.getValue("street_ref");
        return new RoadLabel(nameOf(edge), ref == null ? "" : ref.toString().trim(), edge.get(roadClass));
    }

    private static String nameOf(EdgeIteratorState edge) {
        String name = edge.getName();
        return name == null ? "" : name.trim();
    }
}
