package org.xiaoche.routing.roster;

import org.xiaoche.routing.geo.LonLat;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A school or teaching point (教学点). {@code bellTime} is when morning lessons start;
 * {@code dismissalTime} when the afternoon run leaves.
 *
 * @param capacity      seats (学位数); 0 = unknown
 * @param boardingBeds  boarding beds (寄宿床位), null = unknown (a comparison then says "unknown", never "enough")
 * @param canteenSeats  seats for lunch in the canteen (食堂座位), null = unknown
 */
public record School(String id, String name, SchoolLevel level, LonLat location, int capacity,
                     LocalTime bellTime, LocalTime dismissalTime, boolean teachingPoint,
                     Integer boardingBeds, Integer canteenSeats) {
    public School {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(location, "location");
        if (boardingBeds != null && boardingBeds < 0) {
            throw new IllegalArgumentException("school " + id + ": boardingBeds must not be negative");
        }
        if (canteenSeats != null && canteenSeats < 0) {
            throw new IllegalArgumentException("school " + id + ": canteenSeats must not be negative");
        }
    }

    /** A school whose boarding beds and canteen seats are unknown. */
    public School(String id, String name, SchoolLevel level, LonLat location, int capacity,
                  LocalTime bellTime, LocalTime dismissalTime, boolean teachingPoint) {
        this(id, name, level, location, capacity, bellTime, dismissalTime, teachingPoint, null, null);
    }

    /** This school with other morning bell and dismissal times. */
    public School withTimes(LocalTime newBell, LocalTime newDismissal) {
        return new School(id, name, level, location, capacity, newBell, newDismissal, teachingPoint, boardingBeds,
                canteenSeats);
    }
}
