package org.xiaoche.benchmarks.cvrplib.timefold;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** A CVRP customer (node 1..n) as a Timefold planning value. */
public class Customer {

    @PlanningId
    private Integer node;
    private int demand;

    public Customer() {
    }

    Customer(int node, int demand) {
        this.node = node;
        this.demand = demand;
    }

    public Integer getNode() {
        return node;
    }

    public int getDemand() {
        return demand;
    }
}
