package org.xiaoche.routing.fleet;

import com.graphhopper.storage.index.Snap;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.SettingProblem;
import org.xiaoche.routing.policy.SettingsFileException;
import org.xiaoche.routing.roster.io.ImportProblem;

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
     * @throws SettingsFileException naming {@code source}, each bad depot's id and the reason, with a problem per depot
     */
    public static void check(String source, Fleet fleet, RoadNetwork network, PlanningPolicy policy) {
        if (fleet.depots().isEmpty()) {
            return;
        }
        var area = network.area(policy.maxOutsideArea_m());
        List<ImportProblem> problems = new ArrayList<>();
        for (Depot depot : fleet.depots()) {
            String at = String.format(Locale.ROOT, "depot %s (%.5f, %.5f)", depot.id(), depot.location().lon(), depot.location().lat());
            if (!area.contains(depot.location())) {
                long outside_m = Math.round(policy.maxOutsideArea_m());
                problems.add(problem(source, SettingProblem.DEPOT_OUTSIDE_REGION, at + " is outside the region: farther than " + outside_m
                        + " m from the mapped ways (check lon/lat order and the coordinate system)", depot.id(), outside_m));
                continue;
            }
            Snap snap = network.snapForBus(depot.location());
            long max_m = Math.round(MAX_DEPOT_SNAP_M);
            String far = at + " is farther than " + max_m + " m from any road a bus may use";
            if (!snap.isValid()) {
                problems.add(problem(source, SettingProblem.DEPOT_NO_BUS_ROAD, far, depot.id(), max_m));
            } else if (snap.getQueryDistance() > MAX_DEPOT_SNAP_M) {
                String nearest_m = String.format(Locale.ROOT, "%.0f", snap.getQueryDistance());
                problems.add(problem(source, SettingProblem.DEPOT_FAR_FROM_BUS_ROAD, far + " (nearest " + nearest_m + " m)",
                        depot.id(), max_m, nearest_m));
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsFileException(source + ": " + String.join("; ", problems.stream().map(ImportProblem::reason).toList()),
                    problems, null);
        }
    }

    /** A depot's problem, naming the depot by its id among the values rather than by a field. */
    private static ImportProblem problem(String source, SettingProblem kind, String reason, Object... args) {
        return new ImportProblem(source, 0, "", reason, kind.code(), java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
