package org.xiaoche.routing.plan;

import org.xiaoche.routing.geo.LonLat;

/** A school a plan serves, with the times its runs are built around (seconds after midnight). */
public record PlanSchool(String id, String name, LonLat location, int bell_s, int dismissal_s) {
}
