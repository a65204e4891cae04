package org.xiaoche.routing.network;

import com.graphhopper.GraphHopper;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.PMap;

/**
 * How one profile treats each road edge after import. GraphHopper's subnetwork preparation marks,
 * per profile, the edges of every strongly connected piece smaller than the minimum network size
 * (islands, and one-way stubs such as a dual carriageway cut at the extract's edge) in the
 * {@link Subnetwork#key(String) subnetwork} encoded value; snapping then ignores them. An edge
 * the profile may not use at all is never marked.
 */
public final class ProfileRoads {

    /** What an edge is to the profile. */
    public enum Use {
        /** The profile may not travel the edge in either direction. */
        CLOSED,
        /** Open to the profile and part of a kept component. */
        USABLE,
        /** Open to the profile but in a small or one-way-isolated subnetwork, so left out. */
        DROPPED
    }

    private final String profile;
    private final Weighting weighting;
    private final BooleanEncodedValue inSubnetwork;

    private ProfileRoads(String profile, Weighting weighting, BooleanEncodedValue inSubnetwork) {
        this.profile = profile;
        this.weighting = weighting;
        this.inSubnetwork = inSubnetwork;
    }

    /** The edges of {@code profile} ({@link NetworkProfiles#SCHOOL_BUS} or {@link NetworkProfiles#FOOT}). */
    public static ProfileRoads of(RoadNetwork network, String profile) {
        return of(network.graphHopper(), profile);
    }

    static ProfileRoads of(GraphHopper hopper, String profile) {
        Weighting weighting = hopper.createWeighting(hopper.getProfile(profile), new PMap());
        return new ProfileRoads(profile, weighting,
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile)));
    }

    public String profile() {
        return profile;
    }

    public Use use(EdgeIteratorState edge) {
        boolean open = Double.isFinite(weighting.calcEdgeWeight(edge, false))
                || Double.isFinite(weighting.calcEdgeWeight(edge, true));
        if (!open) {
            return Use.CLOSED;
        }
        return edge.get(inSubnetwork) ? Use.DROPPED : Use.USABLE;
    }
}
