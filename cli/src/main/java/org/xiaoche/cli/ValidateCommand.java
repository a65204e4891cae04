package org.xiaoche.cli;

import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanChecks;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.plan.PlanScoring;
import org.xiaoche.routing.plan.PlanSummary;
import org.xiaoche.routing.validation.ValidationReport;
import org.xiaoche.routing.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code xiaoche validate --plan DIR}: re-checks a stored plan without the solver: the validator
 * with the plan's recorded legs, and the summary re-scored from its contents, both compared with
 * what the plan stored. Exit 0 when valid (coverage is printed beside it), 3 invalid, 5 when valid
 * but the stored verdict or summary does not match the recomputed one.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Re-validate and re-score a plan folder written by 'plan' (its plan.json).")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--plan", required = true, description = "plan folder (with plan.json) or a plan.json file")
    Path plan;

    @Override
    public Integer call() throws Exception {
        Path file = plan.toFile().isDirectory() ? plan.resolve("plan.json") : plan;
        Plan stored;
        try {
            stored = PlanCodec.read(file);
        } catch (java.io.IOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        ValidationReport report = PlanChecks.revalidate(stored);
        PlanSummary rescored = PlanScoring.score(stored.withValidation(report));
        PrintStream out = System.out;
        PlanCommand.printSummary(rescored, out);
        for (Violation v : report.violations().stream().limit(20).toList()) {
            out.println("  violation: " + v);
        }
        boolean matches = report.equals(stored.validation()) && rescored.equals(stored.summary());
        out.println(matches ? "stored verdict and summary match the recomputed ones"
                : "MISMATCH: the stored verdict or summary differs from the recomputed one");
        if (!report.valid()) {
            return 3;
        }
        return matches ? 0 : 5;
    }
}
