package org.xiaoche.routing.roster;

import org.xiaoche.routing.geo.LonLat;

/** The area a road network covers; points outside it are rejected at import. */
@FunctionalInterface
public interface NetworkArea {
    boolean contains(LonLat point);

    NetworkArea EVERYWHERE = p -> true;
}
