package org.xiaoche.routing.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The feasible layouts no other feasible layout dominates in yearly cost, mean and p90 journey. Immutable;
 * {@link #merge} and {@link #with} give the same set whatever order points arrive in (of layouts with equal
 * objectives the one with the smaller {@link LayoutChoice#key()} is kept), so evaluations may run as
 * separate jobs and be merged as they finish.
 */
public final class ParetoSet {

    private static final Comparator<LayoutPoint> ORDER = Comparator.comparingDouble(LayoutPoint::yearlyCost)
            .thenComparingDouble(LayoutPoint::meanJourney_s).thenComparingDouble(LayoutPoint::p90Journey_s)
            .thenComparing(p -> p.choice().key());

    private final List<LayoutPoint> points;

    private ParetoSet(List<LayoutPoint> points) {
        this.points = List.copyOf(points);
    }

    public static ParetoSet empty() {
        return new ParetoSet(List.of());
    }

    public static ParetoSet of(Collection<LayoutPoint> points) {
        List<LayoutPoint> kept = new ArrayList<>();
        points.stream().filter(LayoutPoint::feasible).sorted(ORDER).forEach(p -> {
            // Sorted by cost first: a later point can never dominate an earlier one, only tie or lose.
            for (LayoutPoint k : kept) {
                if (k.dominates(p) || k.sameObjectives(p)) {
                    return;
                }
            }
            kept.add(p);
        });
        return new ParetoSet(kept);
    }

    public ParetoSet with(LayoutPoint point) {
        List<LayoutPoint> all = new ArrayList<>(points);
        all.add(point);
        return of(all);
    }

    public ParetoSet merge(ParetoSet other) {
        List<LayoutPoint> all = new ArrayList<>(points);
        all.addAll(other.points);
        return of(all);
    }

    /** The points by yearly cost, then mean and p90 journey, then key. */
    public List<LayoutPoint> points() {
        return points;
    }

    public int size() {
        return points.size();
    }
}
