package org.xiaoche.routing.optimization.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.util.List;

/** Timefold's view of one school's routing: stops to place on candidate runs. */
@PlanningSolution
public class RunPlanSolution {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<RouteStop> stops;
    @PlanningEntityCollectionProperty
    private List<BusRun> runs;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public RunPlanSolution() {
    }

    RunPlanSolution(List<RouteStop> stops, List<BusRun> runs) {
        this.stops = stops;
        this.runs = runs;
    }

    public List<RouteStop> getStops() {
        return stops;
    }

    public List<BusRun> getRuns() {
        return runs;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
