package org.xiaoche.cli;

import org.xiaoche.routing.geo.CoordinateSystem;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanCodec;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.Roster;
import org.xiaoche.routing.roster.io.ImportRejectedException;
import org.xiaoche.routing.scenario.Baseline;
import org.xiaoche.routing.scenario.ScenarioRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline of the scenario commands: a plan folder written by {@code plan}, and the inputs it was made
 * from. A plan folder keeps the policy, fleet and solver settings (in {@code plan.json}) but not the roster
 * or the road network, so those are given again as for {@code plan} ({@code --demo}, or {@code --osm},
 * {@code --schools}, {@code --students}); the plan's fingerprints refuse any others.
 */
final class BaselinePlan {

    @Option(names = "--plan", required = true, description = "the baseline: a folder written by 'xiaoche plan'")
    Path planDir;

    @Mixin
    InputFiles input = new InputFiles();

    @Option(names = "--crs", defaultValue = "wgs84", description = "coordinates of schools and students (default ${DEFAULT-VALUE})")
    String crs;

    /** The opened baseline; closing it closes the road network. */
    record Opened(RoadNetwork network, ScenarioRunner runner, Baseline baseline) implements AutoCloseable {
        @Override
        public void close() {
            network.close();
        }
    }

    Opened open(ProgressListener progress) throws IOException, ImportRejectedException {
        Path file = planDir.resolve("plan.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(planDir + ": no plan.json (give a folder written by 'xiaoche plan')");
        }
        Plan plan = PlanCodec.read(file);
        input.resolve();
        RoadNetwork network = RoadNetwork.importOrLoad(input.osm, input.graphCacheRoot(), progress.slice(0, 0.5));
        try {
            String graph = network.graphDir().getFileName().toString();
            if (!graph.equals(plan.inputs().network())) {
                throw new IllegalArgumentException(file + ": the plan was made on road graph " + plan.inputs().network()
                        + ", not on " + graph + " (give the OSM file the plan was made from)");
            }
            progress.progress("read schools and students", 0.5);
            Roster roster = input.readRoster(network, plan.policy(), CoordinateSystem.parse(crs));
            ScenarioRunner runner = new ScenarioRunner(network, RouteSolvers.named(plan.solver().name()));
            Baseline baseline = runner.baseline(plan, roster.schools(), roster.students(), progress.slice(0.5, 1));
            return new Opened(network, runner, baseline);
        } catch (RuntimeException | IOException | ImportRejectedException e) {
            network.close();
            throw e;
        }
    }
}
