package org.xiaoche.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code scripts/xiaoche}. */
@Command(name = "xiaoche", mixinStandardHelpOptions = true, version = "xiaoche 0.1",
        description = "Xiaoche (校车) school-transport planner.",
        subcommands = {EligibilityCommand.class, PlanCommand.class, ValidateCommand.class, ScenarioCommand.class,
                CandidatesCommand.class, OptimiseLayoutCommand.class, org.xiaoche.cli.export.ExportCommand.class,
                SbrpBenchCommand.class})
public final class XiaocheCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with planner-facing error handling: bad input prints one clear line and
     * exits with 2; stack traces only with {@code XIAOCHE_DEBUG=1}.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new XiaocheCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (System.getenv("XIAOCHE_DEBUG") != null) {
                e.printStackTrace();
            }
            boolean badInput = e instanceof IllegalArgumentException
                    || e instanceof org.xiaoche.routing.network.NetworkImportException
                    || e instanceof java.nio.file.NoSuchFileException;
            String message = e instanceof java.nio.file.NoSuchFileException ? "file not found: " + e.getMessage() : e.getMessage();
            commandLine.getErr().println("error: " + (message == null ? e.getClass().getSimpleName() : message));
            return badInput ? 2 : 1;
        });
        return cli;
    }
}
