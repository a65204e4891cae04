package org.xiaoche.routing.optimization;

/** Times, in seconds after midnight, between which a bus may arrive at a school (both inclusive). */
public record ArrivalWindow(double earliest_s, double latest_s) {

    public ArrivalWindow {
        if (!(earliest_s <= latest_s)) {
            throw new IllegalArgumentException("arrival window is empty: [" + earliest_s + ", " + latest_s + "]");
        }
    }

    public boolean contains(double time_s) {
        return time_s >= earliest_s && time_s <= latest_s;
    }
}
