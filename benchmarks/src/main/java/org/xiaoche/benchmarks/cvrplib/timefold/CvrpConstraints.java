package org.xiaoche.benchmarks.cvrplib.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/** Hard: capacity; soft: total distance. */
public class CvrpConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                factory.forEach(Truck.class).filter(t -> t.overload() > 0)
                        .penalizeLong(HardSoftLongScore.ONE_HARD, Truck::overload).asConstraint("capacity"),
                factory.forEach(Truck.class).filter(t -> !t.getCustomers().isEmpty())
                        .penalizeLong(HardSoftLongScore.ONE_SOFT, Truck::tourLength).asConstraint("distance")};
    }
}
