package org.xiaoche.cli;

import org.xiaoche.routing.export.pdf.SchoolRiders;
import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code xiaoche export riders-pdf}: per-school lists of the students who ride (PDF, for schools). */
@Command(name = "riders-pdf", mixinStandardHelpOptions = true,
        description = "Rider lists (PDF, for schools): per school each student's id, grade, stop and times.")
public final class RidersPdfCommand implements Callable<Integer> {

    @Mixin
    PlanPdfOptions options = new PlanPdfOptions();

    @Option(names = "--school", description = "only this school (default: every school)")
    String school;

    @Override
    public Integer call() throws Exception {
        Lang lang = options.language();
        Plan plan = options.readPlan();
        options.write(out -> SchoolRiders.writeRiderLists(plan, school, lang, out));
        System.out.println("Wrote rider lists to " + options.out);
        return 0;
    }
}
