package org.xiaoche.benchmarks.parktaekim;

import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.jsprit.JspritSchoolRouteSolver;
import org.xiaoche.routing.optimization.timefold.TimefoldSchoolRouteSolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs the Park–Tae–Kim benchmark and writes a markdown table.
 * <pre>
 * ParkTaeKimBenchmark --shared DIR --out FILE.md [--iterations-per-stop N] [--max-iterations M] [--seconds S]
 *     [--solvers jsprit,timefold] [--instances RSRB01,CSCB02|pnas|all] [--mrt 2700,5400] [--threads 2]
 * </pre>
 * The search is bounded by iterations per school ({@code N} per stop, at most {@code M}; defaults
 * are the planner's), so results do not depend on machine load; {@code S} is only the wall-time
 * safety cap per school (default 120 s), and a solve that hits it is reported.
 * {@code pnas} = RSRB01–08 + CSCB01–08 (default), {@code all} adds CSCB09–16.
 */
public final class ParkTaeKimBenchmark {

    public static final List<String> PNAS_INSTANCES = List.of("RSRB01", "RSRB02", "RSRB03", "RSRB04", "RSRB05",
            "RSRB06", "RSRB07", "RSRB08", "CSCB01", "CSCB02", "CSCB03", "CSCB04", "CSCB05", "CSCB06", "CSCB07",
            "CSCB08");

    private ParkTaeKimBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path shared = Path.of(required(options, "--shared"));
        SolverBudget defaults = SolverBudget.defaults();
        SolverBudget budget = new SolverBudget(defaults.seed(),
                Integer.parseInt(options.getOrDefault("--iterations-per-stop", String.valueOf(defaults.iterationsPerStop()))),
                defaults.minIterations(),
                Integer.parseInt(options.getOrDefault("--max-iterations", String.valueOf(defaults.maxIterations()))),
                Duration.ofMillis(Math.round(Double.parseDouble(options.getOrDefault("--seconds", "120")) * 1000)));
        Path out = Path.of(required(options, "--out"));
        int threads = Integer.parseInt(options.getOrDefault("--threads", "2"));
        List<String> instances = instances(options.getOrDefault("--instances", "pnas"));
        List<Integer> mrts = List.of(options.getOrDefault("--mrt", "2700,5400").split(",")).stream()
                .map(String::strip).map(Integer::parseInt).toList();
        List<SchoolRouteSolver> solvers = new ArrayList<>();
        for (String name : options.getOrDefault("--solvers", "jsprit").split(",")) {
            solvers.add(solver(name.strip()));
        }
        Path root = shared.resolve("benchmarks").resolve("park-tae-kim");
        PublishedResults published = PublishedResults.read(root.resolve("published_results.csv"));
        List<BenchmarkRun> runs = new ArrayList<>();
        for (int maxRide_s : mrts) {
            for (String name : instances) {
                ParkInstance instance = ParkTaeKimLoader.load(root.resolve(name));
                for (SchoolRouteSolver solver : solvers) {
                    BenchmarkRun run = BenchmarkRun.solve(instance, maxRide_s, solver, budget, threads);
                    runs.add(run);
                    System.out.printf(Locale.ROOT, "%s MRT %d %s: %s buses, %d runs, %.0f s driving, %.1f s%s%n",
                            name, maxRide_s, solver.name(), run.valid() ? run.buses() : "INVALID",
                            run.plan().runCount(), run.driving_s(), run.wall_s(),
                            run.plan().wallCapHits() > 0 ? ", " + run.plan().wallCapHits() + " schools hit the wall cap" : "");
                    run.violations().stream().limit(5).forEach(v -> System.out.println("  " + v));
                }
            }
        }
        Files.writeString(out, markdown(runs, published, budget, threads));
    }

    /** The markdown report: one row per run, then totals over the 16 PNAS instances per MRT and solver. */
    public static String markdown(List<BenchmarkRun> runs, PublishedResults published, SolverBudget budget, int threads) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT,
                "Search budget %d iterations per stop of a school (at least %d, at most %d), seed %d, wall cap %.0f s per "
                        + "school, %d threads; single load, per-school routing then chaining. Driving = travel time of all "
                        + "legs without yard legs (Park's column excludes yard legs too). Every solution passed the "
                        + "independent checker unless marked INVALID.%n%n",
                budget.iterationsPerStop(), budget.minIterations(), budget.maxIterations(), budget.seed(),
                budget.wallCap().toMillis() / 1000.0, threads));
        md.append("| instance | MRT s | solver | runs | buses | driving s | wall s | BiRD buses | Park buses (mixed) "
                + "| Park driving s |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (BenchmarkRun run : runs) {
            PublishedResults.Reference ref = published.get(run.setup().instance().name(), run.setup().maxRide_s());
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %.0f | %.1f | %s | %d (%d) | %d |%n",
                    run.setup().instance().name(), run.setup().maxRide_s(), run.solverName(), run.plan().runCount(),
                    run.valid() ? Integer.toString(run.buses()) : "INVALID", run.driving_s(), run.wall_s(),
                    text(ref.birdBuses()), ref.parkBuses(), ref.parkMixedBuses(), ref.parkTravelExclYard_s()));
        }
        md.append("\nTotals over RSRB01–08 + CSCB01–08 (only when all 16 ran and are valid):\n\n");
        md.append("| MRT s | solver | our buses | BiRD buses | Park buses (mixed load) | our driving s | wall s |\n"
                + "|---|---|---|---|---|---|---|\n");
        Map<String, List<BenchmarkRun>> groups = new LinkedHashMap<>();
        for (BenchmarkRun run : runs) {
            if (PNAS_INSTANCES.contains(run.setup().instance().name())) {
                groups.computeIfAbsent(run.setup().maxRide_s() + "/" + run.solverName(), k -> new ArrayList<>()).add(run);
            }
        }
        for (List<BenchmarkRun> group : groups.values()) {
            BenchmarkRun first = group.get(0);
            int maxRide_s = first.setup().maxRide_s();
            boolean complete = group.size() == PNAS_INSTANCES.size() && group.stream().allMatch(BenchmarkRun::valid);
            int park = group.stream().mapToInt(r -> published.get(r.setup().instance().name(), maxRide_s).parkBuses()).sum();
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %s | %.0f | %.1f |%n", maxRide_s,
                    first.solverName(),
                    complete ? Integer.toString(group.stream().mapToInt(BenchmarkRun::buses).sum())
                            : "incomplete (" + group.stream().filter(BenchmarkRun::valid).count() + "/16 valid)",
                    PublishedResults.BIRD_TOTAL_16.get(maxRide_s), complete ? Integer.toString(park) : "-",
                    group.stream().mapToDouble(BenchmarkRun::driving_s).sum(),
                    group.stream().mapToDouble(BenchmarkRun::wall_s).sum()));
        }
        return md.toString();
    }

    /**
     * Solves one instance and writes its {@code routes.csv} (see {@link RoutesCsv}); for the CLI.
     * Throws if the checker rejects the solution.
     */
    public static BenchmarkRun writeRoutesCsv(Path shared, String instanceName, int maxRide_s, SolverBudget budget,
                                              String solverName, int threads, Path routesCsv) {
        ParkInstance instance = ParkTaeKimLoader.load(
                shared.resolve("benchmarks").resolve("park-tae-kim").resolve(instanceName));
        BenchmarkRun run = BenchmarkRun.solve(instance, maxRide_s, solver(solverName), budget, threads);
        if (!run.valid()) {
            throw new IllegalStateException("INVALID solution for " + instanceName + ": " + run.violations().get(0));
        }
        RoutesCsv.write(run.plan(), routesCsv);
        return run;
    }

    public static SchoolRouteSolver solver(String name) {
        return switch (name) {
            case "timefold" -> new TimefoldSchoolRouteSolver();
            case "jsprit" -> new JspritSchoolRouteSolver();
            default -> throw new IllegalArgumentException("unknown solver '" + name + "' (timefold, jsprit)");
        };
    }

    private static List<String> instances(String spec) {
        if (spec.equals("pnas")) {
            return PNAS_INSTANCES;
        }
        if (spec.equals("all")) {
            List<String> all = new ArrayList<>(PNAS_INSTANCES);
            for (int i = 9; i <= 16; i++) {
                all.add(String.format("CSCB%02d", i));
            }
            return all;
        }
        return List.of(spec.split(",")).stream().map(String::strip).toList();
    }

    private static String text(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "–";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
