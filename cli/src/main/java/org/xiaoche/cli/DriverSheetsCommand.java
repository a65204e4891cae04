package org.xiaoche.cli;

import org.xiaoche.routing.export.pdf.DriverSheets;
import org.xiaoche.routing.export.pdf.Lang;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.plan.Plan;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** {@code xiaoche export driver-sheets}: one driver sheet per bus (PDF), for operators. */
@Command(name = "driver-sheets", mixinStandardHelpOptions = true,
        description = "Driver sheets (PDF): per bus its stops with times, a route map and turn-by-turn directions.")
public final class DriverSheetsCommand extends BusPdfCommand {

    @Override
    void write(Plan plan, RoadNetwork network, List<String> busIds, Lang lang, OutputStream out) throws IOException {
        DriverSheets.write(plan, network, busIds, lang, out);
    }

    @Override
    String what() {
        return "driver sheets";
    }
}
