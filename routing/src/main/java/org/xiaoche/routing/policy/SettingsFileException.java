package org.xiaoche.routing.policy;

import org.xiaoche.routing.roster.io.ImportProblem;

import java.util.List;

/**
 * A policy or fleet file refused: the English message names the file and the reason, and each problem
 * says it again with file, field, a stable code and its values, as a refused roster's problems do.
 */
public final class SettingsFileException extends IllegalArgumentException {

    private final List<ImportProblem> problems;

    public SettingsFileException(String message, List<ImportProblem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** At least one. */
    public List<ImportProblem> problems() {
        return problems;
    }

    /**
     * File {@code fileName} refused for a value that does not hold ({@code e}): coded from a
     * {@link SettingException}, else {@link SettingProblem#INVALID_SETTING} with the message as its reason.
     */
    public static SettingsFileException of(String fileName, IllegalArgumentException e) {
        if (e instanceof SettingsFileException already) {
            return already;
        }
        return new SettingsFileException(fileName + ": " + e.getMessage(), List.of(problem(fileName, 0, e)), e);
    }

    /** The problem {@code e} is, in file {@code fileName} at {@code line} (0: the file as a whole). */
    static ImportProblem problem(String fileName, long line, IllegalArgumentException e) {
        String reason = String.valueOf(e.getMessage());
        if (e instanceof SettingException s) {
            return new ImportProblem(fileName, line, s.field(), reason, s.problem().code(), s.args());
        }
        return new ImportProblem(fileName, line, "", reason, SettingProblem.INVALID_SETTING.code(), List.of());
    }
}
