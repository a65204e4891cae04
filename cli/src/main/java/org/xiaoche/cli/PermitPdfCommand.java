package org.xiaoche.cli;

import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.export.pdf.PermitAnnex;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** {@code xiaoche export permit-pdf}: the school-bus permit annex per bus (PDF). */
@Command(name = "permit-pdf", mixinStandardHelpOptions = true,
        description = "School-bus permit annex (PDF): per bus its route by the roads it uses, operating times and stops.")
public final class PermitPdfCommand extends BusPdfCommand {

    @Override
    void write(Plan plan, RoadNetwork network, List<String> busIds, Lang lang, OutputStream out) throws IOException {
        PermitAnnex.write(plan, network, busIds, lang, out);
    }

    @Override
    String what() {
        return "the permit annex";
    }
}
