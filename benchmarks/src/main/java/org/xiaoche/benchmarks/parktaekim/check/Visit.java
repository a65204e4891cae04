package org.xiaoche.benchmarks.parktaekim.check;

/** A bus at a stop (id 1000xx) or school (id 2000xx): arrival and departure in seconds after midnight. */
public record Visit(int id, double arrival_s, double departure_s) {
}
