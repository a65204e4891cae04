package org.xiaoche.routing.network;

import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.DistanceCalcEarth;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint3D;
import org.xiaoche.routing.geo.LonLat;

/**
 * Where a point meets the walkable network: a position on one edge, given by the edge, its two
 * end nodes in stored orientation and the distances along the edge to each end.
 *
 * @param access_m straight distance from the point itself to where it meets the network
 * @param snapped  where it meets the network
 */
public record WalkPoint(int edge, int baseNode, int adjNode, double offsetFromBase_m, double offsetToAdj_m,
                        double access_m, LonLat snapped) {

    private static final DistanceCalcEarth EARTH = new DistanceCalcEarth();

    /** Places a valid snap on its edge, measuring along the edge's geometry. */
    static WalkPoint of(Snap snap, WalkingGraph walkingGraph) {
        if (!snap.isValid()) {
            throw new IllegalArgumentException("snap is not valid");
        }
        EdgeIteratorState closest = snap.getClosestEdge();
        // Work in the stored orientation so two points on the same edge compare directly.
        EdgeIteratorState stored = walkingGraph.graph().getEdgeIteratorState(closest.getEdge(), Integer.MIN_VALUE);
        boolean flipped = stored.getBaseNode() != closest.getBaseNode();
        PointList geometry = closest.fetchWayGeometry(FetchMode.ALL);
        double[] cumulative_m = new double[geometry.size()];
        for (int i = 1; i < geometry.size(); i++) {
            cumulative_m[i] = cumulative_m[i - 1] + EARTH.calcDist(geometry.getLat(i - 1), geometry.getLon(i - 1),
                    geometry.getLat(i), geometry.getLon(i));
        }
        double length_m = cumulative_m[geometry.size() - 1];
        int wayIndex = Math.min(snap.getWayIndex(), geometry.size() - 1);
        GHPoint3D snapped = snap.getSnappedPoint();
        double along_m = cumulative_m[wayIndex];
        if (snap.getSnappedPosition() == Snap.Position.EDGE) {
            along_m += EARTH.calcDist(geometry.getLat(wayIndex), geometry.getLon(wayIndex), snapped.lat, snapped.lon);
        }
        along_m = Math.min(along_m, length_m);
        double fromBase_m = flipped ? length_m - along_m : along_m;
        return new WalkPoint(stored.getEdge(), stored.getBaseNode(), stored.getAdjNode(),
                fromBase_m, length_m - fromBase_m, snap.getQueryDistance(), new LonLat(snapped.lon, snapped.lat));
    }
}
