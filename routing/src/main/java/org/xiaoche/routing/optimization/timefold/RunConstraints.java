package org.xiaoche.routing.optimization.timefold;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * Hard: seats and ride caps ({@link org.xiaoche.routing.optimization.RunRules}); medium: runs used
 * (fewest buses first); soft: bus time.
 */
public class RunConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{seats(factory), rideCap(factory), runsUsed(factory), busTime(factory)};
    }

    Constraint seats(ConstraintFactory factory) {
        return factory.forEach(BusRun.class)
                .filter(run -> run.seatExcess() > 0)
                .penalizeLong(HardMediumSoftLongScore.ofHard(1000), BusRun::seatExcess)
                .asConstraint("seats");
    }

    Constraint rideCap(ConstraintFactory factory) {
        return factory.forEach(BusRun.class)
                .filter(run -> run.rideExcess_ms() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, BusRun::rideExcess_ms)
                .asConstraint("ride cap");
    }

    Constraint runsUsed(ConstraintFactory factory) {
        return factory.forEach(BusRun.class)
                .filter(BusRun::used)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint("runs used");
    }

    Constraint busTime(ConstraintFactory factory) {
        return factory.forEach(BusRun.class)
                .filter(BusRun::used)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, BusRun::duration_ms)
                .asConstraint("bus time");
    }
}
