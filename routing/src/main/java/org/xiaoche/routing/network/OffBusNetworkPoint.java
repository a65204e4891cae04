package org.xiaoche.routing.network;

import org.xiaoche.routing.geo.LonLat;

/**
 * A point that could not be placed on the bus network.
 *
 * @param index          position of the point in the list that was given
 * @param point          the point as given
 * @param snapDistance_m distance to the nearest bus road in metres, or +infinity when no bus road
 *                       lies within the location index's search range
 * @param maxSnapDistance_m the limit that was exceeded
 */
public record OffBusNetworkPoint(int index, LonLat point, double snapDistance_m, double maxSnapDistance_m) {

    /** One line for planners, e.g. {@code #4 (121.3, 37.5): nearest bus road 812 m away (limit 500 m)}. */
    public String describe() {
        String where = "#" + index + " (" + point.lon() + ", " + point.lat() + "): ";
        if (Double.isInfinite(snapDistance_m)) {
            return where + "no bus road within search range";
        }
        return where + "nearest bus road " + Math.round(snapDistance_m) + " m away (limit "
                + Math.round(maxSnapDistance_m) + " m)";
    }
}
