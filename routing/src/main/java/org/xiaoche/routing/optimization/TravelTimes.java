package org.xiaoche.routing.optimization;

/**
 * Travel between nodes of one routing run, nodes named by integer index (schools and stops alike).
 * Implementations may be asymmetric (one-way roads); callers never assume
 * {@code time_s(a, b) == time_s(b, a)}. Both methods must be pure and thread-safe, return finite
 * non-negative values and 0 for {@code from == to}.
 */
public interface TravelTimes {

    /** Driving time of a bus from node {@code from} to node {@code to}, in seconds. */
    double time_s(int from, int to);

    /** Driving distance from node {@code from} to node {@code to}, in metres. */
    double distance_m(int from, int to);
}
