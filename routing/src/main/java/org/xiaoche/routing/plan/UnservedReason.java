package org.xiaoche.routing.plan;

/** Why a student who needs transport has no bus, grouped for a plan's coverage verdict. */
public enum UnservedReason {
    /** No bus road can be reached from the home within the policy's hard bound. */
    NO_BUS_ROAD_NEAR_HOME,
    /** The stop or school is not on a road the bus can use, or no bus road joins them. */
    NO_BUS_ROAD_TO_SCHOOL,
    /** The route solver found no feasible run (should not happen; reported rather than hidden). */
    NO_FEASIBLE_RUN
}
