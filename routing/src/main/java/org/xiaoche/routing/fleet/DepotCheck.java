package org.xiaoche.routing.fleet;

import com.graphhopper.storage.index.Snap;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Depots are checked like homes before planning: one outside the region (farther than the policy's
 * {@code maxOutsideArea_m} from the mapped ways) or farther than {@link #MAX_DEPOT_SNAP_M} from a road a bus may
 * use is an input error, not a place the planner tries to route to.
 */
public final class DepotCheck {

    /** Farthest a depot may lie from a bus road: the planner's bound for stops and schools. */
    public static final double MAX_DEPOT_SNAP_M = 500;

    private DepotCheck() {
    }

    /**
     * @param source the fleet file's name, for the message
     * @throws IllegalArgumentException naming {@code source}, each bad depot's id and the reason
     */
    public static void check(String source, Fleet fleet, RoadNetwork network, PlanningPolicy policy) {
        if (fleet.depots().isEmpty()) {
            return;
        }
        var area = network.area(policy.maxOutsideArea_m());
        List<String> problems = new ArrayList<>();
        for (Depot depot : fleet.depots()) {
            String at = String.format(Locale.ROOT, "depot %s (%.5f, %.5f)", depot.id(), depot.location().lon(), depot.location().lat());
            if (!area.contains(depot.location())) {
                problems.add(at + " is outside the region: farther than " + Math.round(policy.maxOutsideArea_m())
                        + " m from the mapped ways (check lon/lat order and the coordinate system)");
                continue;
            }
            Snap snap = network.snapForBus(depot.location());
            if (!snap.isValid() || snap.getQueryDistance() > MAX_DEPOT_SNAP_M) {
                problems.add(at + " is farther than " + Math.round(MAX_DEPOT_SNAP_M) + " m from any road a bus may use"
                        + (snap.isValid() ? String.format(Locale.ROOT, " (nearest %.0f m)", snap.getQueryDistance()) : ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
        }
    }
}
