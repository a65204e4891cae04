package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.ArrivalWindow;

/** How a run's school arrival time is fixed before chaining. */
public enum ArrivalPolicy {
    EARLIEST, MIDDLE, LATEST;

    public double arrival_s(ArrivalWindow window) {
        return switch (this) {
            case EARLIEST -> window.earliest_s();
            case MIDDLE -> (window.earliest_s() + window.latest_s()) / 2;
            case LATEST -> window.latest_s();
        };
    }
}
