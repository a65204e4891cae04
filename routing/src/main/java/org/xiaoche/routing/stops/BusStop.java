package org.xiaoche.routing.stops;

import org.xiaoche.routing.geo.LonLat;

import java.util.Objects;

/**
 * A chosen school-bus stop, on a road where a bus may stop.
 *
 * @param id              {@code <schoolId>-001}, {@code <schoolId>-002}, … per school, in the order its stops were chosen: first those within the
 *                        students' walking limits (most students first), then those for students who walk farther
 * @param name            what a sign at the stop would say, unique within the plan and never empty: the nearest
 *                        place (a school beside the stop, else a village, hamlet or neighbourhood) and the road's
 *                        route number or name, e.g. {@code 清水河村 · X012}; see {@link StopPlanner}
 * @param location        the point on the road
 * @param roadName        the road's street name from OSM, empty when it has none
 * @param studentCount    students assigned to this stop
 * @param youngPupilCount of those, young pupils ({@link org.xiaoche.routing.policy.PlanningPolicy#isYoungPupil}:
 *                        grades 1–3 and kindergarten by default), whose whole journey is capped at 30 min
 */
public record BusStop(String id, String name, LonLat location, String roadName, int studentCount, int youngPupilCount) {
    public BusStop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        roadName = roadName == null ? "" : roadName;
        name = name == null || name.isBlank() ? (roadName.isEmpty() ? id : roadName) : name;
    }

    /** A stop named by its road (or its id when the road has no name). */
    public BusStop(String id, LonLat location, String roadName, int studentCount, int youngPupilCount) {
        this(id, null, location, roadName, studentCount, youngPupilCount);
    }

    /** The young pupils at this stop; kept under its former name, see {@link #youngPupilCount()}. */
    public int grades1to3Count() {
        return youngPupilCount;
    }
}
