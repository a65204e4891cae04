package org.xiaoche.routing.network;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when some points cannot be placed on the bus network; lists every such point, not only the first. */
public final class OffBusNetworkException extends RuntimeException {

    private final transient List<OffBusNetworkPoint> points;

    public OffBusNetworkException(List<OffBusNetworkPoint> points, int totalPoints) {
        super(points.size() + " of " + totalPoints + " points cannot be placed on the bus network: "
                + points.stream().limit(20).map(OffBusNetworkPoint::describe).collect(Collectors.joining("; "))
                + (points.size() > 20 ? "; …" : ""));
        this.points = List.copyOf(points);
    }

    /** The points that could not be placed, in input order. */
    public List<OffBusNetworkPoint> points() {
        return points;
    }
}
