package org.xiaoche.benchmarks.cvrplib;

import org.xiaoche.benchmarks.cvrplib.check.CvrpChecker;
import org.xiaoche.benchmarks.cvrplib.timefold.TimefoldCvrpSolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Solves the CVRPLIB X sample and writes a markdown table (cost, gap to best known, run time).
 * <pre>CvrplibBenchmark --shared DIR --seconds S --out FILE.md [--solvers jsprit,timefold]</pre>
 */
public final class CvrplibBenchmark {

    public static final List<String> INSTANCES = List.of("X-n101-k25", "X-n200-k36", "X-n502-k39", "X-n1001-k43");

    private CvrplibBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = null;
        Path out = null;
        double seconds = 30;
        String solvers = "jsprit";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--solvers" -> solvers = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (shared == null || out == null) {
            throw new IllegalArgumentException("usage: --shared DIR --seconds S --out FILE.md [--solvers jsprit,timefold]");
        }
        Path dir = shared.resolve("benchmarks").resolve("cvrplib");
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "Budget %.0f s per instance, 1 thread. Cost = Σ nint(Euclidean), recomputed by the checker.%n%n"
                        + "| instance | solver | routes | cost | best known | gap %% | wall s | valid |%n"
                        + "|---|---|---|---|---|---|---|---|%n", seconds));
        for (String name : INSTANCES) {
            CvrpInstance instance = CvrplibLoader.load(dir.resolve(name + ".vrp"));
            long best = CvrplibLoader.loadBestKnown(dir.resolve(name + ".sol")).cost();
            for (String solverName : solvers.split(",")) {
                CvrpSolver solver = solver(solverName.strip());
                long start = System.nanoTime();
                List<int[]> routes = new ArrayList<>(solver.solve(instance, Duration.ofMillis((long) (seconds * 1000))));
                double wall_s = (System.nanoTime() - start) / 1e9;
                CvrpChecker.Result result = CvrpChecker.check(instance, routes);
                String row = String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %s | %.1f | %s |%n", name,
                        solver.name(), routes.size(), result.valid() ? Long.toString(result.cost()) : "INVALID", best,
                        result.valid() ? String.format(Locale.ROOT, "%.2f", 100.0 * (result.cost() - best) / best) : "–",
                        wall_s, result.valid() ? "yes" : "no: " + result.violations().get(0));
                System.out.print(row);
                md.append(row);
            }
        }
        Files.writeString(out, md.toString());
    }

    public static CvrpSolver solver(String name) {
        return switch (name) {
            case "timefold" -> new TimefoldCvrpSolver();
            case "jsprit" -> new JspritCvrpSolver();
            default -> throw new IllegalArgumentException("unknown solver '" + name + "'");
        };
    }
}
