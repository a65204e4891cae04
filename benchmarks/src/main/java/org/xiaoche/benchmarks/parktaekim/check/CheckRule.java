package org.xiaoche.benchmarks.parktaekim.check;

import java.util.List;

/** One named feasibility rule. */
public interface CheckRule {

    String name();

    List<Violation> check(CheckContext context, List<BusTimetable> buses);
}
