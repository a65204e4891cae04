package org.xiaoche.web.plan;

import org.springframework.security.core.Authentication;
import org.xiaoche.routing.export.PlanLayers;

/**
 * How much of a plan the caller may see (DESIGN §5). The filter chain decides who gets a plan at
 * all; this decides what is left out of what they get.
 */
public enum PlanAudience {
    /** Everything, including student ids and homes. */
    PLANNER,
    /** Aggregates (counts per stop, run and plan), never student ids or homes. */
    VIEWER,
    /** Routes, stops and times only: no student ids, no homes, no counts of students. */
    OPERATOR;

    public static PlanAudience of(Authentication auth) {
        var roles = auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        if (roles.contains("ROLE_PLANNER")) {
            return PLANNER;
        }
        if (roles.contains("ROLE_VIEWER")) {
            return VIEWER;
        }
        // Anyone else who got past the filter chain sees the least.
        return OPERATOR;
    }

    public boolean seesStudentCounts() {
        return this != OPERATOR;
    }

    /** Which counts of students go into the map layers this audience gets. */
    public PlanLayers.StudentCounts studentCounts() {
        return seesStudentCounts() ? PlanLayers.StudentCounts.INCLUDED : PlanLayers.StudentCounts.LEFT_OUT;
    }

    public boolean seesStudentIds() {
        return this == PLANNER;
    }
}
