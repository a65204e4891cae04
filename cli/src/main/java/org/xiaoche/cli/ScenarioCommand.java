package org.xiaoche.cli;

import org.xiaoche.routing.export.PlanExport;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import org.xiaoche.routing.scenario.Comparison;
import org.xiaoche.routing.scenario.ComparisonWriter;
import org.xiaoche.routing.scenario.Comparisons;
import org.xiaoche.routing.scenario.Scenario;
import org.xiaoche.routing.scenario.ScenarioResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code xiaoche scenario}: a baseline plan with schools closed, re-planned, and compared with the baseline. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Close schools of a baseline plan, re-plan (re-using unchanged schools' runs) and compare.")
final class ScenarioCommand implements Callable<Integer> {

    @Mixin
    BaselinePlan baseline = new BaselinePlan();

    @Option(names = "--close", required = true, split = ",", description = "ids of the schools to close, comma-separated")
    List<String> close;

    @Option(names = "--into", description = "receiving school (default: each student to the nearest open school teaching the grade, by bus time, with room)")
    String into;

    @Option(names = "--name", description = "the scenario's name (default: close <ids>)")
    String name;

    @Option(names = "--policy", description = "another planning policy JSON for the scenario (default: the baseline's)")
    Path policyFile;

    @Option(names = "--fleet", description = "another fleet JSON for the scenario (default: the baseline's)")
    Path fleetFile;

    @Option(names = "--out", required = true, description = "output folder: the scenario's plan files, comparison.json, comparison.csv")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        ConsoleProgress progress = new ConsoleProgress(err);
        PlanningPolicy policy = policyFile == null ? null : PlanningPolicy.read(policyFile);
        Fleet fleet = fleetFile == null ? null : Fleet.read(fleetFile);
        try (BaselinePlan.Opened opened = baseline.open(progress.slice(0, 0.3))) {
            ImportWarnings.print(opened.network(), err);
            String scenarioName = name != null ? name : "close " + String.join(",", close);
            Scenario scenario = new Scenario(scenarioName, opened.baseline().fingerprint(),
                    close.stream().map(id -> new Scenario.Closure(id.strip(), into)).toList(), List.of(), policy, fleet);
            ScenarioResult result = opened.runner().run(opened.baseline(), scenario, progress.slice(0.3, 0.95));
            progress.progress("write files", 0.95);
            PlanExport.write(result.result(), new BusRouteGeometry(opened.network())::through, out);
            Comparison comparison = Comparisons.compare(opened.baseline().compared(), List.of(result.compared()),
                    opened.network().placeNames());
            ComparisonWriter.write(comparison, out);
            progress.progress("done", 1.0);
            printComparison(comparison.baseline(), comparison.scenarios().get(0), System.out);
            PlanCommand.printSummary(result.result().summary(), System.out);
            System.out.println("Wrote the scenario's plan files, comparison.json and comparison.csv to " + out);
            return result.result().validation().valid() ? 0 : 3;
        } catch (ImportRejectedException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** The verdict first (应留必留), then the main differences. */
    static void printComparison(Comparison.PlanFigures base, Comparison.ScenarioComparison s, PrintStream out) {
        out.printf(Locale.ROOT, "scenario                   %s%n", s.name());
        out.printf(Locale.ROOT, "verdict                    %s%n", s.verdict().feasible() ? "FEASIBLE"
                : "INFEASIBLE: " + String.join("; ", s.verdict().reasons()));
        Comparison.PlanFigures f = s.figures();
        out.printf(Locale.ROOT, "needing transport          %,d → %,d%n", base.needingTransport(), f.needingTransport());
        out.printf(Locale.ROOT, "walkers                    %,d → %,d%n", base.walkers(), f.walkers());
        out.printf(Locale.ROOT, "buses                      %,d → %,d%n", base.buses(), f.buses());
        out.printf(Locale.ROOT, "yearly cost                %,.0f → %,.0f (%+,.0f, %d school days)%n", base.yearlyCost(),
                f.yearlyCost(), s.differences().yearlyCost(), f.schoolDaysPerYear());
        out.printf(Locale.ROOT, "journey mean / p90 / max   %s → %s min%n", minutes(base.journeys()), minutes(f.journeys()));
        s.receivingSchools().forEach(r -> out.printf(Locale.ROOT,
                "receiving %-16s %,d students (+%,d): places %s, boarding beds %s, canteen seats %s%n",
                r.schoolId(), r.enrolment(), r.studentsMovedIn(), r.capacityStatus(), r.bedsStatus(), r.canteenStatus()));
    }

    private static String minutes(Comparison.JourneyStats j) {
        return j.students() == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f", j.mean_s() / 60, j.p90_s() / 60, j.max_s() / 60);
    }
}
