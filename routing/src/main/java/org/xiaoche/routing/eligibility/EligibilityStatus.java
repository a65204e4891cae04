package org.xiaoche.routing.eligibility;

/** What a student's walking distance means for transport. */
public enum EligibilityStatus {
    /** Lives within the walking threshold along the walking network. */
    WALKS,
    /** Lives beyond the threshold: must be offered school transport. */
    NEEDS_TRANSPORT,
    /** No walking distance could be measured; the reason says why. Never silently dropped. */
    UNREACHABLE;

    /** Lower-case name used in files and the API ({@code needs_transport}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
