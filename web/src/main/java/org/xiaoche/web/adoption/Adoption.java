package org.xiaoche.web.adoption;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan adopted for a region and a term ({@code validFrom} to {@code validTo}, both days included).
 * In force while {@code supersededAt} is null; a later adoption for an overlapping term supersedes it
 * and is named in {@code supersededBy}. {@code planId} is null only once a superseded plan was deleted
 * with its dataset.
 */
public record Adoption(long id, Long planId, long regionId, String termName, LocalDate validFrom, LocalDate validTo,
                       String adoptedBy, Instant adoptedAt, Long supersededBy, String supersededByUser,
                       Instant supersededAt) {

    public boolean inForce() {
        return supersededAt == null;
    }
}
