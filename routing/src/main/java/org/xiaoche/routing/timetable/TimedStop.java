package org.xiaoche.routing.timetable;

import org.xiaoche.routing.geo.LonLat;

/**
 * A bus at one place of a run. Times are seconds after midnight. {@code placeId} is a stop id or,
 * when {@code school} is true, a school id.
 *
 * @param loadAfter students on board when the bus leaves
 * @param legIn_s   drive to this place from the bus's previous place of the same half-day (for the
 *                  first place of a half-day: from the depot, 0 without depots), from the road data
 * @param legIn_m   the same drive's length in metres; bus-km are the sum of these and the return legs
 */
public record TimedStop(int seq, String placeId, boolean school, LonLat location, double arrival_s,
                        double departure_s, int boarding, int alighting, int loadAfter, double legIn_s,
                        double legIn_m) {

    /** A timed place whose incoming drive is not known yet. */
    public TimedStop(int seq, String placeId, boolean school, LonLat location, double arrival_s,
                     double departure_s, int boarding, int alighting, int loadAfter) {
        this(seq, placeId, school, location, arrival_s, departure_s, boarding, alighting, loadAfter, 0, 0);
    }

    public TimedStop withLegIn(double newLegIn_s, double newLegIn_m) {
        return new TimedStop(seq, placeId, school, location, arrival_s, departure_s, boarding, alighting, loadAfter,
                newLegIn_s, newLegIn_m);
    }
}
