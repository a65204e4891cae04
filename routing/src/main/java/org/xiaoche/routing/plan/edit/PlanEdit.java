package org.xiaoche.routing.plan.edit;

import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.timetable.ClockTime;

import java.util.List;
import java.util.Objects;

/**
 * One change a planner makes to a plan by hand, as a value. {@link PlanEditor} applies a list of them
 * in order; {@link PlanEditCodec} is their JSON form. {@link #label()} names the edit in refusals.
 */
public sealed interface PlanEdit {

    /** Short English name of the edit, for refusals and logs (no coordinates). */
    String label();

    /** Moves a stop to {@code to}, snapped onto the nearest road where the policy lets a bus stop. */
    record MoveStop(String stopId, LonLat to) implements PlanEdit {
        public MoveStop {
            Objects.requireNonNull(stopId, "stopId");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String label() {
            return "move stop " + stopId;
        }
    }

    /** A student boards at another stop of their school, on the runs of their school that call there. */
    record MoveStudent(String studentId, String toStopId) implements PlanEdit {
        public MoveStudent {
            Objects.requireNonNull(studentId, "studentId");
            Objects.requireNonNull(toStopId, "toStopId");
        }

        @Override
        public String label() {
            return "move student " + studentId + " to stop " + toStopId;
        }
    }

    /** Takes a stop, with its students, out of one run and into another run of the same school and direction. */
    record MoveStopToRun(String stopId, String fromRunId, String toRunId, int position) implements PlanEdit {
        public MoveStopToRun {
            Objects.requireNonNull(stopId, "stopId");
            Objects.requireNonNull(fromRunId, "fromRunId");
            Objects.requireNonNull(toRunId, "toRunId");
        }

        @Override
        public String label() {
            return "move stop " + stopId + " from run " + fromRunId + " to run " + toRunId;
        }
    }

    /** A run's stops in a new order (every stop of the run once; the school stays at its end). */
    record ReorderRun(String runId, List<String> stopIds) implements PlanEdit {
        public ReorderRun {
            Objects.requireNonNull(runId, "runId");
            stopIds = List.copyOf(stopIds);
        }

        @Override
        public String label() {
            return "reorder run " + runId;
        }
    }

    /** A school's new bell time (seconds after midnight); its morning runs move with it. */
    record SetBell(String schoolId, int bell_s) implements PlanEdit {
        public SetBell {
            Objects.requireNonNull(schoolId, "schoolId");
        }

        @Override
        public String label() {
            return "set the bell of school " + schoolId + " to " + ClockTime.hhmm(bell_s);
        }
    }
}
