package org.xiaoche.routing.plan;

/**
 * A student who needs transport and gets no bus, and why. {@code reasonCode} groups reasons for
 * coverage figures ({@link UnservedReason}); {@code reason} is the sentence for the planner.
 */
public record UnservedStudent(String studentId, String schoolId, int grade, UnservedReason reasonCode, String reason) {
}
