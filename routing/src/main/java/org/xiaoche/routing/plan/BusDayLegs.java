package org.xiaoche.routing.plan;

import org.xiaoche.routing.fleet.Depot;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.ArrayList;
import java.util.List;

/**
 * The drive into every place of one bus's day, the one rule for the planner and for hand edits: from
 * the previous place of the same half-day, or for a half-day's first place from the nearest depot (by
 * length); each half-day ends with a drive back to the nearest depot. No depots: those legs are 0.
 */
public final class BusDayLegs {

    private final PlacePoints places;
    private final Fleet fleet;

    /** {@code places} must hold every place of the runs given later and the fleet's depots, with a matrix attached. */
    public BusDayLegs(PlacePoints places, Fleet fleet) {
        this.places = places;
        this.fleet = fleet;
    }

    /** One bus's runs (morning first, each half in time order) with their legs, and its depot return legs. */
    public record Day(List<BusRun> runs, double returnLegs_m) {
    }

    public Day withLegs(List<BusRun> runs) {
        double returns_m = 0;
        List<BusRun> out = new ArrayList<>();
        TimedStop previous = null;
        RunDirection half = null;
        for (BusRun run : runs) {
            if (run.direction() != half) {
                if (previous != null) {
                    returns_m += toDepot_m(previous);
                }
                previous = null;
                half = run.direction();
            }
            List<TimedStop> stops = new ArrayList<>();
            for (TimedStop stop : run.stops()) {
                int to = places.index(PlacePoints.placeKey(stop));
                if (previous == null) {
                    double[] leg = fromDepot(to);
                    stops.add(stop.withLegIn(leg[0], leg[1]));
                } else {
                    int from = places.index(PlacePoints.placeKey(previous));
                    stops.add(stop.withLegIn(places.matrix().time_s(from, to), places.matrix().distance_m(from, to)));
                }
                previous = stop;
            }
            out.add(new BusRun(run.runId(), run.busId(), run.schoolId(), run.direction(), stops));
        }
        if (previous != null) {
            returns_m += toDepot_m(previous);
        }
        return new Day(out, returns_m);
    }

    /** Time and length of the drive from the nearest depot (by length) to place {@code to}; zeros without depots. */
    private double[] fromDepot(int to) {
        double[] best = {0, Double.POSITIVE_INFINITY};
        for (Depot depot : fleet.depots()) {
            var index = places.findIndex(PlacePoints.depotKey(depot.id()));
            if (index.isPresent() && places.matrix().distance_m(index.get(), to) < best[1]) {
                best = new double[]{places.matrix().time_s(index.get(), to), places.matrix().distance_m(index.get(), to)};
            }
        }
        return Double.isFinite(best[1]) ? best : new double[]{0, 0};
    }

    private double toDepot_m(TimedStop last) {
        int from = places.index(PlacePoints.placeKey(last));
        double best_m = Double.POSITIVE_INFINITY;
        for (Depot depot : fleet.depots()) {
            var index = places.findIndex(PlacePoints.depotKey(depot.id()));
            if (index.isPresent()) {
                best_m = Math.min(best_m, places.matrix().distance_m(from, index.get()));
            }
        }
        return Double.isFinite(best_m) ? best_m : 0;
    }
}
