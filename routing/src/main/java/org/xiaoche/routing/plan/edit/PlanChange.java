package org.xiaoche.routing.plan.edit;

import java.util.List;

/**
 * One line of an edit's readable list of changes: a {@link Kind} and its arguments in a fixed order,
 * so that the web service words it in Chinese or English from its bundles.
 *
 * <ul>
 *   <li>{@code STOP_MOVED}: stop name, metres moved</li>
 *   <li>{@code STUDENT_MOVED}: student id, old stop name, new stop name</li>
 *   <li>{@code STOP_MOVED_TO_RUN}: stop name, old run, new run, position from 1</li>
 *   <li>{@code RUN_REORDERED}: run id, the stop names in their new order joined by " → "</li>
 *   <li>{@code BELL_CHANGED}: school name, old bell HH:mm, new bell HH:mm</li>
 *   <li>{@code STOP_LEFT_RUN}: stop name, run id (no one boards there any more)</li>
 *   <li>{@code RUN_REMOVED}: run id (no stop left)</li>
 * </ul>
 */
public record PlanChange(Kind kind, List<String> args) {

    public enum Kind {
        STOP_MOVED, STUDENT_MOVED, STOP_MOVED_TO_RUN, RUN_REORDERED, BELL_CHANGED, STOP_LEFT_RUN, RUN_REMOVED
    }

    public PlanChange {
        args = List.copyOf(args);
    }
}
