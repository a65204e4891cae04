package org.xiaoche.cli.export;

import org.xiaoche.routing.export.edition.PlanExportRequest;
import org.xiaoche.routing.plan.Plan;
import picocli.CommandLine.Mixin;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/**
 * One export format: reads the plan, builds the request, writes {@code --out} whole or not at all
 * (into a temporary file beside it, renamed when complete).
 */
abstract class ExportSubcommand implements Callable<Integer> {

    @Mixin
    ExportOptions options = new ExportOptions();

    /** Writes the format to {@code out}. */
    abstract void write(PlanExportRequest request, OutputStream out) throws IOException;

    @Override
    public Integer call() throws Exception {
        Plan plan = options.readPlan();
        PlanExportRequest request = options.request(plan);
        Path target = options.out.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path partial = Files.createTempFile(target.getParent(), ".export-", ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                write(request, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        System.out.println("Wrote " + options.out + " (" + request.edition().name().toLowerCase(java.util.Locale.ROOT)
                + " edition, " + request.buses().size() + " buses)");
        return 0;
    }
}
