package org.xiaoche.routing.timetable;

import org.xiaoche.routing.geo.LonLat;

/**
 * A bus at one place of a run. Times are seconds after midnight. {@code placeId} is a stop id or,
 * when {@code school} is true, a school id.
 *
 * @param loadAfter students on board when the bus leaves
 */
public record TimedStop(int seq, String placeId, boolean school, LonLat location, double arrival_s,
                        double departure_s, int boarding, int alighting, int loadAfter) {
}
