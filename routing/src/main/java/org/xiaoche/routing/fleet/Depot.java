package org.xiaoche.routing.fleet;

import org.xiaoche.routing.geo.LonLat;

/** A bus yard where buses start the morning and end the afternoon. */
public record Depot(String id, LonLat location) {
}
