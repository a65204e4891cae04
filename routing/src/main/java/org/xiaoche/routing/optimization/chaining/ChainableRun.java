package org.xiaoche.routing.optimization.chaining;

import org.xiaoche.routing.optimization.ArrivalWindow;
import org.xiaoche.routing.optimization.SchoolRoute;

/** A run that a bus may serve, movable in time as long as it reaches its school inside {@code window}. */
public record ChainableRun(SchoolRoute route, ArrivalWindow window) {
}
