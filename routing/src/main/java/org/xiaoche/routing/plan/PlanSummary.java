package org.xiaoche.routing.plan;

/**
 * The figures a planner compares plans by. Ride percentiles are over transported students' morning
 * rides. {@code studentsOverCaps} counts students whose ride or journey breaks a cap although a
 * feasible trip exists: it must be 0 in a valid plan. {@code capInfeasible} are carried by the
 * shortest possible trip and listed with their reason. {@code busesBeyondFleet} counts buses the
 * plan needs beyond the fleet's available ones. Bus-km include depot legs when depots are given
 * (depot → morning runs → depot → afternoon runs → depot, nearest depot).
 */
public record PlanSummary(int needingTransport, int transported, int unserved, int capInfeasible, int stops,
                          int buses, int busesBeyondFleet, int runs, double busKmPerDay, double costPerDay,
                          double rideP50_s, double rideP90_s, double rideMax_s, int studentsOverCaps,
                          String solver, String validatorVerdict) {
}
