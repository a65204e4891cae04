package org.xiaoche.routing.plan.edit;

import java.util.Arrays;
import java.util.List;

/**
 * An edit that makes no sense for the plan (unknown stop, another school's student, a stop off the network):
 * the English message names the edit, and {@link #reason()}, {@link #args()} say why as a stable code and
 * its values, so that a user interface can say it in its own language.
 */
public final class PlanEditException extends RuntimeException {

    /** Why an edit was refused; {@code arity} is how many values its texts name. */
    public enum Reason {
        /** stop id. */
        UNKNOWN_STOP(1),
        /** the farthest a moved stop may be from such a road (m). */
        NO_STOP_ROAD_NEAR(1),
        /** student id. */
        STUDENT_NOT_RIDING(1),
        /** student id, stop id. */
        STUDENT_ALREADY_THERE(2),
        /** school id, stop id. */
        NO_RUN_AT_STOP(2),
        /** run id. */
        UNKNOWN_RUN(1),
        SAME_RUN(0),
        /** run id, stop id. */
        RUN_MISSES_STOP(2),
        /** run id, stop id. */
        RUN_HAS_STOP(2),
        /** one run id, the other. */
        RUNS_DIFFER(2),
        /** position given, highest position. */
        POSITION_OUT_OF_RANGE(2),
        /** run id, the run's stops. */
        ORDER_NOT_THE_RUNS_STOPS(2),
        /** school id. */
        UNKNOWN_SCHOOL(1),
        BELL_NOT_A_TIME(0),
        /** run id, the place no road leads to. */
        NO_ROAD(2),
        /** stop id. */
        STOP_UNREACHABLE(1),
        /** place (stop, school or depot). */
        PLACE_UNREACHABLE(1),
        /** student id. */
        HOME_UNKNOWN(1);

        private final int arity;

        Reason(int arity) {
            this.arity = arity;
        }

        /** The stable code: {@code edit-} and the name in lower case with dashes, e.g. {@code edit-unknown-stop}. */
        public String code() {
            return "edit-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public int arity() {
            return arity;
        }
    }

    private final int editNumber;
    private final Reason reason;
    private final String why;
    private final List<String> args;

    PlanEditException(int editNumber, PlanEdit edit, Reason reason, String why, Object... args) {
        super("edit " + editNumber + " (" + edit.label() + "): " + why);
        assert args.length == reason.arity() : reason + " takes " + reason.arity() + " values, got " + args.length;
        this.editNumber = editNumber;
        this.reason = reason;
        this.why = why;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    /** The refused edit's place in the list, from 1. */
    public int editNumber() {
        return editNumber;
    }

    public Reason reason() {
        return reason;
    }

    /** Why, in English, without the edit's name. */
    public String why() {
        return why;
    }

    /** The values {@link #reason()}'s texts name, in their order. */
    public List<String> args() {
        return args;
    }
}
