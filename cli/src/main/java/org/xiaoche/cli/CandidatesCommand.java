package org.xiaoche.cli;

import org.xiaoche.routing.roster.io.ImportRejectedException;
import org.xiaoche.routing.scenario.Candidates;
import org.xiaoche.routing.scenario.LayoutStudy;
import org.xiaoche.routing.scenario.LayoutWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code xiaoche candidates}: small schools, each merged into its nearest receiving school, ranked. */
@Command(name = "candidates", mixinStandardHelpOptions = true,
        description = "Small schools (under 100 students, teaching points) and what merging each into its nearest receiving school does.")
final class CandidatesCommand implements Callable<Integer> {

    @Mixin
    BaselinePlan baseline = new BaselinePlan();

    @Option(names = "--out", required = true, description = "output folder: candidates.csv, candidates.json")
    Path out;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        try (BaselinePlan.Opened opened = baseline.open(progress.slice(0, 0.2))) {
            List<Candidates.Candidate> candidates = new LayoutStudy(opened.runner(), LayoutStudy.Settings.defaults())
                    .candidates(opened.baseline(), null, progress.slice(0.2, 1));
            Files.createDirectories(out);
            Files.write(out.resolve("candidates.json"), LayoutWriter.json(candidates));
            Files.write(out.resolve("candidates.csv"), LayoutWriter.candidatesCsv(candidates));
            progress.progress("done", 1);
            for (Candidates.Candidate c : candidates) {
                System.out.printf(Locale.ROOT, "%-8s → %-8s saves %,10.0f a year, +%s min mean journey%s%n", c.schoolId(),
                        c.receivingSchoolId() == null ? "-" : c.receivingSchoolId(), c.yearlyCostSaved(),
                        c.journeyAddedMean_s() == null ? "-" : String.format(Locale.ROOT, "%.1f", c.journeyAddedMean_s() / 60),
                        c.feasible() ? "" : "   INFEASIBLE: " + String.join("; ", c.whyNot()));
            }
            System.out.println("Wrote candidates.csv and candidates.json to " + out);
            return 0;
        } catch (ImportRejectedException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
