package org.xiaoche.routing.stops;

import org.xiaoche.routing.geo.LonLat;

import java.util.Objects;

/**
 * A chosen school-bus stop, on a road where a bus may stop.
 *
 * @param id              {@code T001}, {@code T002}, … in the order the stops were chosen (most students first)
 * @param location        the point on the road
 * @param roadName        the road's street name from OSM, empty when it has none
 * @param studentCount    students assigned to this stop
 * @param grades1to3Count of those, pupils of grades 1–3 (whose whole journey is capped at 30 min)
 */
public record BusStop(String id, LonLat location, String roadName, int studentCount, int grades1to3Count) {
    public BusStop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        roadName = roadName == null ? "" : roadName;
    }
}
