package org.xiaoche.cli;

import org.xiaoche.routing.export.PlanExport;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import org.xiaoche.routing.scenario.Comparison;
import org.xiaoche.routing.scenario.ComparisonWriter;
import org.xiaoche.routing.scenario.Comparisons;
import org.xiaoche.routing.scenario.LayoutOptimiser;
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

/** {@code xiaoche optimise-layout}: the Pareto set of school layouts, each point re-planned in full. */
@Command(name = "optimise-layout", mixinStandardHelpOptions = true,
        description = "Which small schools to merge, and where: the trade-off of yearly cost against mean and p90 journey.")
final class OptimiseLayoutCommand implements Callable<Integer> {

    @Mixin
    BaselinePlan baseline = new BaselinePlan();

    @Option(names = "--candidates", split = ",", description = "school ids that may close (default: every small school)")
    List<String> candidates;

    @Option(names = "--receivers", defaultValue = "1", description = "receiving schools tried per candidate, nearest first (default ${DEFAULT-VALUE})")
    int receivers;

    @Option(names = "--points", defaultValue = "12", description = "most Pareto points re-planned and written (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--out", required = true, description = "output folder: pareto.csv, pareto.json, candidates.*, comparison.*, one plan folder per point")
    Path out;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        try (BaselinePlan.Opened opened = baseline.open(progress.slice(0, 0.1))) {
            LayoutStudy.Settings settings = new LayoutStudy.Settings(receivers, points, LayoutOptimiser.Settings.defaults());
            LayoutStudy.Result result = new LayoutStudy(opened.runner(), settings)
                    .run(opened.baseline(), candidates, progress.slice(0.1, 0.95));
            progress.progress("write files", 0.95);
            Comparison comparison = Comparisons.compare(opened.baseline().compared(),
                    result.points().stream().map(p -> p.replanned().compared()).toList(), opened.network().placeNames());
            List<LayoutWriter.ParetoRow> rows = LayoutWriter.rows(result, comparison);
            Files.createDirectories(out);
            Files.write(out.resolve("pareto.json"), LayoutWriter.json(rows));
            Files.write(out.resolve("pareto.csv"), LayoutWriter.paretoCsv(rows));
            Files.write(out.resolve("candidates.json"), LayoutWriter.json(result.candidates()));
            Files.write(out.resolve("candidates.csv"), LayoutWriter.candidatesCsv(result.candidates()));
            ComparisonWriter.write(comparison, out);
            BusRouteGeometry geometry = new BusRouteGeometry(opened.network());
            boolean valid = true;
            for (LayoutStudy.Point p : result.points()) {
                PlanExport.write(p.replanned().result(), geometry::through, out.resolve(p.name()));
                valid &= p.replanned().result().validation().valid();
            }
            progress.progress("done", 1);
            System.out.printf(Locale.ROOT, "%d candidates, %d closure options measured, %d layouts on the estimated front, %d re-planned%n",
                    result.candidates().size(), result.effects().size(), result.estimated().size(), result.points().size());
            for (LayoutWriter.ParetoRow r : rows) {
                System.out.printf(Locale.ROOT, "%s  cost %,12.0f  mean %5.1f  p90 %5.1f min  %s%s  [%s]%n", r.name(), r.yearlyCost(),
                        r.meanJourney_s() == null ? Double.NaN : r.meanJourney_s() / 60,
                        r.p90Journey_s() == null ? Double.NaN : r.p90Journey_s() / 60,
                        r.rulesValid() ? "VALID" : "INVALID", r.feasible() ? "" : " INFEASIBLE", r.closures());
            }
            System.out.println("Wrote pareto.csv, pareto.json, candidates.*, comparison.* and one plan folder per point to " + out);
            return valid ? 0 : 3;
        } catch (ImportRejectedException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
