package org.xiaoche.web.account;

import java.util.Locale;

/**
 * What a user may do (DESIGN §5). Student homes are personal data of minors: only planners see them.
 */
public enum Role {
    /** Manages user accounts; sees no planning data. */
    ADMIN,
    /** Everything on regions, datasets, eligibility and plans, including student locations. */
    PLANNER,
    /** Plans and aggregates (counts per school), never individual students. */
    VIEWER,
    /** Routes, stops and times only: no students, no counts of students. */
    OPERATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException for an unknown role name
     */
    public static Role ofCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + code + "'; use admin, planner, viewer or operator");
        }
    }
}
