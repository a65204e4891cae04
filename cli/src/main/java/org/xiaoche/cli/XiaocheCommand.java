package org.xiaoche.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code scripts/xiaoche}. */
@Command(name = "xiaoche", mixinStandardHelpOptions = true, version = "xiaoche 0.1",
        description = "Xiaoche (校车) school-transport planner.",
        subcommands = {})
public final class XiaocheCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new XiaocheCommand()).execute(args));
    }
}
