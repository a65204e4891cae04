package org.xiaoche.cli;

import org.xiaoche.routing.export.pdf.SchoolRiders;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code xiaoche export notices}: pickup notices for families, one slip per carried student (PDF, for schools). */
@Command(name = "notices", mixinStandardHelpOptions = true,
        description = "Pickup notices (PDF, for schools): one slip per student with the stop, where it is, times and bus; no home locations.")
public final class NoticesCommand implements Callable<Integer> {

    @Mixin
    PlanPdfOptions options = new PlanPdfOptions();

    @Option(names = "--school", description = "only this school's students (default: every school)")
    String school;

    @Override
    public Integer call() throws Exception {
        Lang lang = options.language();
        Plan plan = options.readPlan();
        try (RoadNetwork network = options.openNetwork(plan)) {
            options.write(out -> SchoolRiders.writeNotices(plan, network, school, lang, out));
        }
        System.out.println("Wrote pickup notices to " + options.out);
        return 0;
    }
}
