package org.xiaoche.routing.roster;

import org.xiaoche.routing.geo.LonLat;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A school or teaching point (教学点). {@code bellTime} is when morning lessons start;
 * {@code dismissalTime} when the afternoon run leaves.
 */
public record School(String id, String name, SchoolLevel level, LonLat location, int capacity,
                     LocalTime bellTime, LocalTime dismissalTime, boolean teachingPoint) {
    public School {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(location, "location");
    }
}
