package org.xiaoche.routing.stops;

import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BoundedWalkSearch;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.network.WalkReach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The places a stop could go, and which students can walk to each within their limit. Candidates are
 * (a) every junction or end of a {@link StoppableRoads stoppable} road that some student can reach,
 * and (b) for every student, the point where the home meets the nearest stoppable road, so that a
 * limit of 0 m can still pick a child up where the home meets the road. Walks are measured along the
 * walking network with a {@link BoundedWalkSearch} from where each home meets it, never as straight
 * lines (the planner's straight-line fallback measures its own). {@link #reachWithin} looks again, farther,
 * for students with nothing within their limit. Candidate order follows the students' input order, so
 * repeated runs number them alike.
 */
final class CandidateStops {

    /** Below this a point on an edge is taken to be the edge's end node. */
    private static final double AT_NODE_M = 0.01;

    /**
     * One candidate: a node of the graph ({@code roadside} null) or a point along a stoppable edge
     * ({@code node} -1).
     */
    record Candidate(int node, WalkPoint roadside, LonLat location, String roadName) {
        @Override
        public String toString() {
            // A roadside candidate sits next to one home: keep it out of logs.
            return "Candidate[" + (roadside == null ? "junction" : "roadside") + "]";
        }
    }

    private record Key(int node, int edge, long offset_cm) {
    }

    private final RoadNetwork network;
    private final StoppableRoads roads;
    private final NodeAccess nodeAccess;
    private final List<Candidate> candidates = new ArrayList<>();
    // Lookups only; never iterated, so their order cannot leak into the result.
    private final Map<Key, Integer> indexByKey = new HashMap<>();
    private final Map<Integer, List<Integer>> roadsideByEdge = new HashMap<>();
    private final List<ReachableCandidates> reachable = new ArrayList<>();
    private final List<WalkPoint> homes;
    private final WalkPoint[] ownRoadside;
    private final int[] ownCandidate;
    private final BoundedWalkSearch search;
    private final EdgeExplorer explorer;

    private CandidateStops(RoadNetwork network, StoppableRoads roads, List<WalkPoint> homes) {
        this.network = network;
        this.roads = roads;
        this.nodeAccess = network.baseGraph().getNodeAccess();
        this.homes = homes;
        this.ownRoadside = new WalkPoint[homes.size()];
        this.ownCandidate = new int[homes.size()];
        this.search = new BoundedWalkSearch(network.walkingGraph());
        this.explorer = network.baseGraph().createEdgeExplorer();
    }

    /**
     * @param homes        where each student's home meets the walking network; null for a student who cannot
     *                     be placed (gets no candidates)
     * @param homeLocations each student's home, used only to find where it meets a stoppable road
     * @param limits_m     each student's walking limit
     */
    static CandidateStops collect(RoadNetwork network, StoppableRoads roads, List<WalkPoint> homes,
                                  List<LonLat> homeLocations, double[] limits_m) {
        CandidateStops result = new CandidateStops(network, roads, homes);
        for (int s = 0; s < homes.size(); s++) {
            result.ownCandidate[s] = -1;
            if (homes.get(s) != null) {
                result.ownRoadside[s] = network.findWalkPoint(homeLocations.get(s), roads::isStoppable).orElse(null);
                result.ownCandidate[s] = result.ownRoadside[s] == null ? -1 : result.addRoadside(result.ownRoadside[s]);
            }
        }
        for (int s = 0; s < homes.size(); s++) {
            result.reachable.add(homes.get(s) == null ? ReachableCandidates.NONE : result.reachWithin(s, limits_m[s]));
        }
        return result;
    }

    /**
     * The candidates student {@code s} reaches along the walking network within {@code bound_m}, with their walks;
     * node candidates met on the way are added to this set. Empty for a student whose home is not on the network.
     */
    ReachableCandidates reachWithin(int s, double bound_m) {
        WalkPoint home = homes.get(s);
        if (home == null) {
            return ReachableCandidates.NONE;
        }
        WalkReach reach = search.from(home, bound_m);
        TreeMap<Integer, Double> walkByCandidate_m = reachFrom(reach, home, explorer);
        if (ownRoadside[s] != null) {
            // Measured to the exact point as well: with a 0 m limit a home that meets the road at a junction
            // must find that junction even if rounding left it a hair beyond the bound.
            double own_m = reach.walk_m(ownRoadside[s]);
            if (Double.isFinite(own_m)) {
                walkByCandidate_m.merge(ownCandidate[s], own_m, Math::min);
            }
        }
        return toReachable(walkByCandidate_m);
    }

    /**
     * Registers the point of a stoppable road nearest to a home in a straight line (found by the caller) and
     * returns its candidate index.
     */
    int addStraightLineRoadside(WalkPoint roadside) {
        return addRoadside(roadside);
    }

    List<Candidate> candidates() {
        return candidates;
    }

    /** Where student {@code s}'s home meets the nearest stoppable road in a straight line; null when not looked up. */
    WalkPoint ownRoadside(int s) {
        return ownRoadside[s];
    }

    /** Per student, in input order. */
    List<ReachableCandidates> reachable() {
        return reachable;
    }

    /** Registers a point on a stoppable edge (or the node it lies at) and returns its candidate index. */
    private int addRoadside(WalkPoint point) {
        if (point.offsetFromBase_m() < AT_NODE_M) {
            return nodeCandidate(point.baseNode());
        }
        if (point.offsetToAdj_m() < AT_NODE_M) {
            return nodeCandidate(point.adjNode());
        }
        Key key = new Key(-1, point.edge(), Math.round(point.offsetFromBase_m() * 100));
        Integer index = indexByKey.get(key);
        if (index == null) {
            index = candidates.size();
            indexByKey.put(key, index);
            roadsideByEdge.computeIfAbsent(point.edge(), e -> new ArrayList<>()).add(index);
            candidates.add(new Candidate(-1, point, point.snapped(), roads.nameOfEdge(point.edge())));
        }
        return index;
    }

    private int nodeCandidate(int node) {
        Key key = new Key(node, -1, 0);
        Integer index = indexByKey.get(key);
        if (index == null) {
            index = candidates.size();
            indexByKey.put(key, index);
            candidates.add(new Candidate(node, null, new LonLat(nodeAccess.getLon(node), nodeAccess.getLat(node)),
                    roads.nameAtNode(node)));
        }
        return index;
    }

    private TreeMap<Integer, Double> reachFrom(WalkReach reach, WalkPoint home, EdgeExplorer explorer) {
        TreeMap<Integer, Double> walkByCandidate_m = new TreeMap<>();
        for (int i = 0; i < reach.size(); i++) {
            int node = reach.node(i);
            if (!roads.touchesStoppable(node)) {
                continue;
            }
            walkByCandidate_m.merge(nodeCandidate(node), reach.nodeWalk_m(i), Math::min);
            EdgeIterator it = explorer.setBaseNode(node);
            while (it.next()) {
                addRoadsideReach(reach, it.getEdge(), walkByCandidate_m);
            }
        }
        // Points on the home's own edge may be reached without reaching either end (a long lane, a 0 m limit).
        addRoadsideReach(reach, home.edge(), walkByCandidate_m);
        return walkByCandidate_m;
    }

    private static ReachableCandidates toReachable(TreeMap<Integer, Double> walkByCandidate_m) {
        int[] indexes = new int[walkByCandidate_m.size()];
        double[] walks_m = new double[indexes.length];
        int k = 0;
        for (Map.Entry<Integer, Double> e : walkByCandidate_m.entrySet()) {
            indexes[k] = e.getKey();
            walks_m[k] = e.getValue();
            k++;
        }
        return new ReachableCandidates(indexes, walks_m);
    }

    private void addRoadsideReach(WalkReach reach, int edge, TreeMap<Integer, Double> walkByCandidate_m) {
        List<Integer> onEdge = roadsideByEdge.get(edge);
        if (onEdge == null) {
            return;
        }
        for (int c : onEdge) {
            double walk_m = reach.walk_m(candidates.get(c).roadside());
            if (Double.isFinite(walk_m)) {
                walkByCandidate_m.merge(c, walk_m, Math::min);
            }
        }
    }
}
