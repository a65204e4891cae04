package org.xiaoche.routing.policy;

import java.util.Arrays;
import java.util.List;

/**
 * A policy or fleet value that does not hold, naming the setting ({@code routes.rideCap_s},
 * {@code busTypes[0].seats}), why ({@link SettingProblem}) and the values the English message names.
 */
public final class SettingException extends IllegalArgumentException {

    private final String field;
    private final SettingProblem problem;
    private final List<String> args;

    /** {@code args} are the values {@code problem}'s texts name, in their order; numbers are written as {@link #number}. */
    public SettingException(String field, SettingProblem problem, String message, Object... args) {
        super(message);
        assert args.length == problem.arity() : problem + " takes " + problem.arity() + " values, got " + args.length;
        this.field = field;
        this.problem = problem;
        this.args = Arrays.stream(args).map(a -> a instanceof Double d ? number(d) : String.valueOf(a)).toList();
    }

    private SettingException(String field, SettingProblem problem, String message, List<String> args) {
        super(message);
        this.field = field;
        this.problem = problem;
        this.args = args;
    }

    /** The same refusal for a setting inside a list or section, e.g. {@code busTypes[2].} + {@code seats}. */
    public SettingException within(String prefix) {
        return new SettingException(prefix + field, problem, getMessage(), args);
    }

    /** The setting's path; empty when the refusal is about the whole file or section. */
    public String field() {
        return field;
    }

    public SettingProblem problem() {
        return problem;
    }

    public List<String> args() {
        return args;
    }

    /** A whole number without a decimal point (2000, not 2000.0); others as Java writes them. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
