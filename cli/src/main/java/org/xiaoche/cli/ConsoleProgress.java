package org.xiaoche.cli;

import org.xiaoche.routing.progress.ProgressListener;

import java.io.PrintStream;
import java.util.Locale;

/** Prints "[ 42%] stage" lines to stderr when the stage changes or the percentage moves by 5 points. */
final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private String lastStage = "";
    private int lastPercent = -100;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void progress(String stage, double fractionDone) {
        int percent = (int) Math.floor(100 * Math.max(0, Math.min(1, fractionDone)));
        if (!stage.equals(lastStage) || percent >= lastPercent + 5 || (percent == 100 && lastPercent != 100)) {
            out.printf(Locale.ROOT, "[%3d%%] %s%n", percent, stage);
            out.flush();
            lastStage = stage;
            lastPercent = percent;
        }
    }
}
