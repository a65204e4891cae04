package org.xiaoche.benchmarks.parktaekim.check;

import java.util.List;

/** One bus's visits in order. Students boarding at a stop alight at the next visit of their school. */
public record BusTimetable(String busId, List<Visit> visits) {

    public BusTimetable {
        visits = List.copyOf(visits);
    }
}
