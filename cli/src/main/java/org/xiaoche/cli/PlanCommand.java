package org.xiaoche.cli;

import org.xiaoche.routing.roster.Roster;

import org.xiaoche.routing.export.PlanExport;
import org.xiaoche.routing.fleet.DepotCheck;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.plan.PlanResult;
import org.xiaoche.routing.plan.PlanSummary;
import org.xiaoche.routing.plan.SchoolBusPlanner;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code xiaoche plan}: eligibility → stops → routes → timetables, validated. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Bus stops, routes and timetables for every student who needs transport, checked by the validator.")
final class PlanCommand implements Callable<Integer> {

    @Mixin
    InputFiles input = new InputFiles();

    @Option(names = "--fleet", description = "fleet JSON: bus types and depots (default: 19/35/56-seat buses)")
    Path fleetFile;

    @Option(names = "--policy", description = "planning policy JSON (default: the built-in rules)")
    Path policyFile;

    @Option(names = "--crs", defaultValue = "wgs84", description = "coordinates of schools and students (default ${DEFAULT-VALUE})")
    String crs;

    @Option(names = "--solver", defaultValue = "jsprit", description = "route solver: jsprit or timefold (default ${DEFAULT-VALUE})")
    String solverName;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--seed", description = "seed of the route solver (default: the built-in seed); the same inputs and seed give the same plan")
    Long seed;

    @Option(names = "--iterations-per-stop", description = "route-solver iterations per pickup of a school (default ${DEFAULT-VALUE})",
            defaultValue = "40")
    int iterationsPerStop;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        input.resolve();
        PlanningPolicy policy = policyFile == null ? PlanningPolicy.defaults() : PlanningPolicy.read(policyFile);
        Fleet fleet = fleetFile == null ? Fleet.defaults() : Fleet.read(fleetFile);
        CoordinateSystem coordinates = CoordinateSystem.parse(crs);
        SchoolRouteSolver solver = RouteSolvers.named(solverName);
        ConsoleProgress progress = new ConsoleProgress(err);
        try (RoadNetwork network = RoadNetwork.importOrLoad(input.osm, input.graphCacheRoot(), progress.slice(0, 0.2))) {
            ImportWarnings.print(network, err);
            progress.progress("read schools and students", 0.2);
            Roster roster = input.readRoster(network, policy, coordinates);
            DepotCheck.check(fleetFile == null ? "default fleet" : fleetFile.getFileName().toString(), fleet, network, policy);
            SolverBudget defaults = SolverBudget.defaults();
            SolverBudget budget = new SolverBudget(seed == null ? defaults.seed() : seed, iterationsPerStop,
                    defaults.minIterations(), Math.max(defaults.maxIterations(), defaults.minIterations()),
                    Duration.ofMillis(Math.round(policy.routes().solverSeconds() * 1000)));
            PlanResult plan = new SchoolBusPlanner(network, solver, budget)
                    .plan(roster.schools(), roster.students(), fleet, policy, progress.slice(0.22, 0.95));
            progress.progress("write files", 0.95);
            PlanExport.write(plan, new BusRouteGeometry(network)::through, out);
            progress.progress("done", 1.0);
            printSummary(plan.summary(), System.out);
            System.out.println("Wrote stops.geojson, routes.geojson, timetable.csv, students.csv, plan.json to " + out);
            return plan.validation().valid() ? 0 : 3;
        } catch (ImportRejectedException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    static void printSummary(PlanSummary s, PrintStream out) {
        out.printf(Locale.ROOT, "students needing transport  %,d%n", s.needingTransport());
        out.printf(Locale.ROOT, "  carried                  %,d%n", s.transported());
        out.printf(Locale.ROOT, "  cap_infeasible (carried) %,d   (no trip can meet the cap: boarding / school-layout questions)%n", s.capInfeasible());
        out.printf(Locale.ROOT, "  unserved (reported)      %,d%n", s.unserved());
        out.printf(Locale.ROOT, "stops                      %,d%n", s.stops());
        out.printf(Locale.ROOT, "buses                      %,d   (%,d runs, morning and afternoon)%n", s.buses(), s.runs());
        if (s.walkOverLimit() > 0) {
            out.printf(Locale.ROOT, "  walk over the limit      %,d   (longest %.0f m: no stop within the walking limit; review)%n", s.walkOverLimit(), s.walkOverLimitMax_m());
        }
        s.unservedByReason().forEach((reason, count) -> out.printf(Locale.ROOT, "  unserved: %-22s %,d%n", reason.toLowerCase(Locale.ROOT), count));
        if (s.busesBeyondFleet() > 0) {
            out.printf(Locale.ROOT, "  SHORTFALL                %,d   (buses needed beyond what the fleet makes available)%n", s.busesBeyondFleet());
        }
        out.printf(Locale.ROOT, "bus-km per day             %,.1f%n", s.busKmPerDay());
        out.printf(Locale.ROOT, "cost per day               %,.0f%n", s.costPerDay());
        out.printf(Locale.ROOT, "ride p50 / p90 / max       %.1f / %.1f / %.1f min%n", s.rideP50_s() / 60, s.rideP90_s() / 60, s.rideMax_s() / 60);
        out.printf(Locale.ROOT, "students over caps         %,d%n", s.studentsOverCaps());
        out.printf(Locale.ROOT, "solver                     %s%s%n", s.solver(), s.solverWallCapHits() == 0 ? ""
                : String.format(Locale.ROOT, "   (%d schools stopped on the wall-time cap: the result may depend on machine load)", s.solverWallCapHits()));
        printVerdict(s, out);
    }

    /** Both parts of a plan's verdict: the rules, and coverage; never a plain success when children are left out. */
    static void printVerdict(PlanSummary s, PrintStream out) {
        out.printf(Locale.ROOT, "rules                      %s%n", s.rulesVerdict());
        out.printf(Locale.ROOT, "coverage                   %s%s%n", s.coverageComplete() ? "COMPLETE: " : "INCOMPLETE: ", s.coverageVerdict());
    }
}
