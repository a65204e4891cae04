package org.xiaoche.routing.validation;

/** One broken rule: which rule, what it concerns (a run, bus or student id) and what is wrong. */
public record Violation(String rule, String subject, String message) {
    @Override
    public String toString() {
        return rule + " [" + subject + "]: " + message;
    }
}
