package org.xiaoche.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code xiaoche export …}: a stored plan for operators, the permit office and schools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a plan folder written by 'plan' for operators, the permit office and schools.",
        subcommands = {DriverSheetsCommand.class, PermitPdfCommand.class, NoticesCommand.class, RidersPdfCommand.class})
final class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to export: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
