package org.xiaoche.benchmarks.cvrplib.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import org.xiaoche.benchmarks.cvrplib.CvrpInstance;

import java.util.ArrayList;
import java.util.List;

/** One vehicle's tour (depot → customers → depot). */
@PlanningEntity
public class Truck {

    @PlanningId
    private Integer id;
    private CvrpInstance instance;
    @PlanningListVariable
    private List<Customer> customers = new ArrayList<>();

    public Truck() {
    }

    Truck(int id, CvrpInstance instance) {
        this.id = id;
        this.instance = instance;
    }

    public Integer getId() {
        return id;
    }

    public List<Customer> getCustomers() {
        return customers;
    }

    public void setCustomers(List<Customer> customers) {
        this.customers = customers;
    }

    long overload() {
        return Math.max(0, customers.stream().mapToLong(Customer::getDemand).sum() - instance.capacity());
    }

    long tourLength() {
        long length = 0;
        int previous = 0;
        for (Customer customer : customers) {
            length += instance.distance(previous, customer.getNode());
            previous = customer.getNode();
        }
        return length + instance.distance(previous, 0);
    }
}
