package org.xiaoche.demodata;

/**
 * Where a local road crosses the river or the expressway on a bridge.
 *
 * @param centre     point on the barrier line
 * @param northNormal unit vector across the barrier, pointing north
 */
record BarrierCrossing(Kind kind, PlanePoint centre, PlanePoint northNormal) {

    enum Kind { RIVER_BRIDGE, EXPRESSWAY_OVERPASS }

    /** Half the bridge deck: long enough to clear the river bed or both carriageways. */
    double halfDeck_m() {
        return kind == Kind.RIVER_BRIDGE ? 45 : 30;
    }

    /** Bridge end on the north ({@code side} = +1) or south (-1) side. */
    PlanePoint deckEnd(int side) {
        return offset(side * halfDeck_m());
    }

    /** Where the straight approach to the bridge joins the road network, 200 m from the barrier. */
    PlanePoint approachEnd(int side) {
        return offset(side * 200.0);
    }

    private PlanePoint offset(double distance_m) {
        return centre.plus(northNormal.x_m() * distance_m, northNormal.y_m() * distance_m);
    }
}
