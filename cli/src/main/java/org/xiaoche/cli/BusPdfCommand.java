package org.xiaoche.cli;

import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;

/** A PDF export with a section per bus, for every bus or those named by {@code --bus}. */
abstract class BusPdfCommand implements Callable<Integer> {

    @Mixin
    PlanPdfOptions options = new PlanPdfOptions();

    @Option(names = "--bus", description = "only these buses (repeat or separate by commas; default: every bus)", split = ",")
    List<String> buses;

    /** Writes the document for buses {@code busIds}. */
    abstract void write(Plan plan, RoadNetwork network, List<String> busIds, Lang lang, OutputStream out) throws IOException;

    /** What was written, for the closing line: {@code driver sheets}. */
    abstract String what();

    @Override
    public Integer call() throws Exception {
        Lang lang = options.language();
        Plan plan = options.readPlan();
        List<String> ids = buses == null ? plan.buses().stream().map(Bus::busId).toList() : buses;
        try (RoadNetwork network = options.openNetwork(plan)) {
            options.write(out -> write(plan, network, ids, lang, out));
        }
        System.out.println("Wrote " + what() + " of " + ids.size() + " buses to " + options.out);
        return 0;
    }
}
