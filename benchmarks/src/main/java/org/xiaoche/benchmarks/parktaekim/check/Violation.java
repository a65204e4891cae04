package org.xiaoche.benchmarks.parktaekim.check;

/** A broken rule: which rule, which bus (or {@code "-"}), and what exactly. */
public record Violation(String rule, String busId, String detail) {

    @Override
    public String toString() {
        return rule + " [bus " + busId + "]: " + detail;
    }
}
