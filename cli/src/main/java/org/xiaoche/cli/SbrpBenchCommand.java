package org.xiaoche.cli;

import org.xiaoche.benchmarks.parktaekim.BenchmarkRun;
import org.xiaoche.benchmarks.parktaekim.ParkInstance;
import org.xiaoche.benchmarks.parktaekim.ParkTaeKimBenchmark;
import org.xiaoche.benchmarks.parktaekim.ParkTaeKimLoader;
import org.xiaoche.benchmarks.parktaekim.RoutesCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.xiaoche.routing.optimization.SolverBudget;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code xiaoche sbrp-bench}: one Park–Tae–Kim instance, its bus count and a re-checkable routes.csv. */
@Command(name = "sbrp-bench", mixinStandardHelpOptions = true,
        description = "Solve one Park–Tae–Kim school-bus routing instance (single load) and print its bus count.")
final class SbrpBenchCommand implements Callable<Integer> {

    @Option(names = "--instance", required = true, description = "instance folder with Schools.txt and Stops.txt")
    Path instanceDir;

    @Option(names = "--max-ride-s", required = true, description = "maximum ride time in seconds (2700 or 5400 in the literature)")
    int maxRide_s;

    @Option(names = "--seconds", defaultValue = "120", description = "wall-time safety cap per school (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--iterations-per-stop", defaultValue = "40", description = "route-solver iterations per stop of a school (default ${DEFAULT-VALUE})")
    int iterationsPerStop;

    @Option(names = "--max-iterations", defaultValue = "4000", description = "most route-solver iterations of one school (default ${DEFAULT-VALUE})")
    int maxIterations;

    @Option(names = "--solver", defaultValue = "jsprit", description = "jsprit or timefold (default ${DEFAULT-VALUE})")
    String solver;

    @Option(names = "--out", description = "folder for routes.csv")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(instanceDir.resolve("Schools.txt")) || !Files.isRegularFile(instanceDir.resolve("Stops.txt"))) {
            throw new IllegalArgumentException(instanceDir + " has no Schools.txt and Stops.txt");
        }
        ParkInstance instance = ParkTaeKimLoader.load(instanceDir);
        BenchmarkRun run = BenchmarkRun.solve(instance, maxRide_s, ParkTaeKimBenchmark.solver(solver),
                new SolverBudget(SolverBudget.defaults().seed(), iterationsPerStop, SolverBudget.defaults().minIterations(),
                        maxIterations, Duration.ofMillis(Math.round(seconds * 1000))),
                Runtime.getRuntime().availableProcessors());
        if (!run.valid()) {
            System.err.println("INVALID solution: " + run.violations().get(0));
            return 3;
        }
        System.out.printf(Locale.ROOT, "%s MRT %d s: %d buses, %d runs, %.0f s driving, %.1f s wall (%s)%n",
                instanceDir.getFileName(), maxRide_s, run.buses(), run.plan().runCount(), run.driving_s(), run.wall_s(),
                run.solverName());
        if (out != null) {
            Files.createDirectories(out);
            RoutesCsv.write(run.plan(), out.resolve("routes.csv"));
            System.out.println("Wrote " + out.resolve("routes.csv"));
        }
        return 0;
    }
}
