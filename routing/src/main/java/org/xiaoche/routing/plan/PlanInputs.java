package org.xiaoche.routing.plan;

/**
 * Fingerprints of what a plan was made from (SHA-256, hex; the network's is its graph's name), so
 * that two plans can be told to come from the same inputs and a stored plan from stale ones.
 */
public record PlanInputs(String network, String roster, String policy, String fleet, String solver) {
}
