package org.xiaoche.cli;

import org.xiaoche.routing.roster.Roster;

import org.xiaoche.routing.eligibility.EligibilityCalculator;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.eligibility.SchoolEligibilitySummary;
import org.xiaoche.routing.export.EligibilityExport;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code xiaoche eligibility}: who walks, who needs transport, who cannot be reached. */
@Command(name = "eligibility", mixinStandardHelpOptions = true,
        description = "Walking distance from every home to its school; who needs school transport.")
final class EligibilityCommand implements Callable<Integer> {

    @Mixin
    InputFiles input = new InputFiles();

    @Option(names = "--policy", description = "planning policy JSON (default: the built-in rules)")
    Path policyFile;

    @Option(names = "--crs", defaultValue = "wgs84",
            description = "coordinates of the schools and students files: wgs84, cgcs2000, gcj02, bd09 or EPSG:n (default ${DEFAULT-VALUE})")
    String crs;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        input.resolve();
        PlanningPolicy policy = policyFile == null ? PlanningPolicy.defaults() : PlanningPolicy.read(policyFile);
        CoordinateSystem coordinates = CoordinateSystem.parse(crs);
        ConsoleProgress progress = new ConsoleProgress(err);
        try (RoadNetwork network = RoadNetwork.importOrLoad(input.osm, input.graphCacheRoot(), progress.slice(0, 0.4))) {
            ImportWarnings.print(network, err);
            progress.progress("read schools and students", 0.4);
            Roster roster = input.readRoster(network, policy, coordinates);
            EligibilityResult result = new EligibilityCalculator(network)
                    .compute(roster.schools(), roster.students(), policy, progress.slice(0.45, 0.95));
            EligibilityExport.write(result, out);
            progress.progress("done", 1.0);
            printSummary(result, System.out);
            System.out.println("Wrote " + out.resolve(EligibilityExport.STUDENTS_CSV) + ", "
                    + EligibilityExport.STUDENTS_GEOJSON + ", " + EligibilityExport.SCHOOLS_CSV);
        } catch (ImportRejectedException e) {
            err.println(e.getMessage());
            return 2;
        }
        return 0;
    }

    static void printSummary(EligibilityResult result, PrintStream out) {
        out.printf(Locale.ROOT, "%-8s %s %8s %7s %9s %11s %8s %8s %8s%n",
                "school", pad("name", 24), "students", "walks", "needs bus", "unreachable", "p50 m", "p90 m", "max m");
        for (SchoolEligibilitySummary s : result.schools()) {
            out.printf(Locale.ROOT, "%-8s %s %8d %7d %9d %11d %8s %8s %8s%n", s.schoolId(), pad(s.schoolName(), 24),
                    s.students(), s.walkers(), s.needsTransport(), s.unreachable(),
                    metres(s.walkP50_m()), metres(s.walkP90_m()), metres(s.walkMax_m()));
        }
        out.printf(Locale.ROOT, "%-33s %8d %7d %9d %11d%n", "total", result.students().size(),
                result.count(EligibilityStatus.WALKS), result.count(EligibilityStatus.NEEDS_TRANSPORT),
                result.count(EligibilityStatus.UNREACHABLE));
    }

    /** Pads or cuts to a terminal width, counting CJK characters as two columns. */
    static String pad(String text, int columns) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int cp : (text == null ? "" : text).codePoints().toArray()) {
            int width = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp >= 0xFF00 && cp <= 0xFFEF ? 2 : 1;
            if (used + width > columns) {
                break;
            }
            out.appendCodePoint(cp);
            used += width;
        }
        return out + " ".repeat(columns - used);
    }

    private static String metres(double value_m) {
        return Double.isFinite(value_m) ? String.valueOf(Math.round(value_m)) : "-";
    }
}
