package org.xiaoche.routing.plan;

import org.xiaoche.routing.geo.LonLat;

/** A bus stop of a plan: its id, its name for operators, drivers and families, and where it is. */
public record PlanStop(String id, String name, LonLat location) {
}
