package org.xiaoche.routing.fleet;

import org.xiaoche.routing.geo.LonLat;

/** A bus yard where buses start the morning and end the afternoon. */
public record Depot(String id, LonLat location) {
    public Depot {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("depot needs an id");
        }
        if (id.codePointCount(0, id.length()) > BusType.MAX_ID_CHARS) {
            throw new IllegalArgumentException("depot id is " + id.codePointCount(0, id.length())
                    + " characters long; at most " + BusType.MAX_ID_CHARS + " allowed");
        }
        if (location == null) {
            throw new IllegalArgumentException("depot " + id + " needs a location");
        }
    }
}
