package org.xiaoche.routing.validation;

import java.util.List;

/** The validator's verdict: valid when no rule is broken. */
public record ValidationReport(List<Violation> violations, int runsChecked, int studentsChecked) {
    public ValidationReport {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    /** One line for summaries, e.g. {@code VALID (42 runs, 1,287 students)}. */
    public String verdict() {
        String scope = String.format(java.util.Locale.ROOT, "%,d runs, %,d students", runsChecked, studentsChecked);
        return valid() ? "VALID (" + scope + ")" : "INVALID: " + violations.size() + " violations (" + scope + ")";
    }
}
