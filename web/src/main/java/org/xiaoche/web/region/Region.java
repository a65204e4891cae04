package org.xiaoche.web.region;

import org.locationtech.jts.geom.Envelope;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A planning region: one OSM extract and the road graph built from it.
 *
 * @param osmFile   where the uploaded extract is kept, relative to the data folder
 * @param createdBy who uploaded it; null for the demo county and regions stored before schema V20
 * @param state   {@code importing}, {@code ready} or {@code failed}
 * @param bounds  the graph's extent once imported, else null
 */
public record Region(long id, String name, Path osmFile, String state, String message, Integer nodeCount,
                     Integer edgeCount, Envelope bounds, Instant createdAt, String createdBy) {

    public static final String IMPORTING = "importing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    public boolean ready() {
        return READY.equals(state);
    }
}
