package org.xiaoche.routing.optimization;

/**
 * Times an afternoon run forwards from the school: the bus leaves after its boarding dwell and never
 * waits, so each drop-off's arrival is the previous departure plus the drive, and its departure adds
 * the dwell of the students alighting there. The planner and hand edits time afternoons with this.
 */
public final class ForwardRouteTiming {

    private ForwardRouteTiming() {
    }

    /** Arrival and departure at each place after a school, in seconds after midnight. */
    public record Times(double[] arrival_s, double[] departure_s) {
    }

    /**
     * @param schoolDeparture_s when the bus leaves the school
     * @param legs_s            drive into each drop-off from the place before it
     * @param alighting         students leaving the bus at each drop-off
     */
    public static Times timed(double schoolDeparture_s, double[] legs_s, int[] alighting, DwellModel dwell) {
        if (legs_s.length != alighting.length) {
            throw new IllegalArgumentException(legs_s.length + " legs for " + alighting.length + " drop-offs");
        }
        double[] arrival_s = new double[legs_s.length];
        double[] departure_s = new double[legs_s.length];
        double leaving_s = schoolDeparture_s;
        for (int k = 0; k < legs_s.length; k++) {
            arrival_s[k] = leaving_s + legs_s[k];
            departure_s[k] = arrival_s[k] + dwell.dwell_s(alighting[k]);
            leaving_s = departure_s[k];
        }
        return new Times(arrival_s, departure_s);
    }
}
