package org.xiaoche.routing.timetable;

/** Morning runs bring students to school; afternoon runs take them home from the dismissal time. */
public enum RunDirection {
    AM, PM
}
