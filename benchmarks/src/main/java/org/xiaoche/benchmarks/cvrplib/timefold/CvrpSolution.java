package org.xiaoche.benchmarks.cvrplib.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import java.util.List;

/** Timefold's view of a CVRP instance. */
@PlanningSolution
public class CvrpSolution {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Customer> customers;
    @PlanningEntityCollectionProperty
    private List<Truck> trucks;
    @PlanningScore
    private HardSoftLongScore score;

    public CvrpSolution() {
    }

    CvrpSolution(List<Customer> customers, List<Truck> trucks) {
        this.customers = customers;
        this.trucks = trucks;
    }

    public List<Customer> getCustomers() {
        return customers;
    }

    public List<Truck> getTrucks() {
        return trucks;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
