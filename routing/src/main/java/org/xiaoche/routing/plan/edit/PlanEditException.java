package org.xiaoche.routing.plan.edit;

/** An edit that makes no sense for the plan (unknown stop, another school's student, a stop off the network). */
public final class PlanEditException extends RuntimeException {

    private final int editNumber;

    PlanEditException(int editNumber, PlanEdit edit, String reason) {
        super("edit " + editNumber + " (" + edit.label() + "): " + reason);
        this.editNumber = editNumber;
    }

    /** The refused edit's place in the list, from 1. */
    public int editNumber() {
        return editNumber;
    }
}
