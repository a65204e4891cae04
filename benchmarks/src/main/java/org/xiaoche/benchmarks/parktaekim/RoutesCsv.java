package org.xiaoche.benchmarks.parktaekim;

import org.xiaoche.routing.optimization.FleetPlan;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.StopVisit;
import org.xiaoche.routing.optimization.chaining.BusChain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code routes.csv}: {@code bus_id,run,seq,id,arrival_s,departure_s,load}, one row per stop or
 * school visit; {@code run} counts a bus's runs from 1, {@code seq} the visits of a run from 1;
 * {@code load} is the students on board when the bus leaves (0 after the school).
 */
public final class RoutesCsv {

    private RoutesCsv() {
    }

    public static void write(FleetPlan plan, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("bus_id,run,seq,id,arrival_s,departure_s,load\n");
            int busId = 1;
            for (BusChain bus : plan.buses()) {
                int runNumber = 1;
                for (SchoolRoute run : bus.runs()) {
                    int seq = 1;
                    for (StopVisit visit : run.visits()) {
                        row(out, busId, runNumber, seq++, visit.stop().id(), visit.arrival_s(), visit.departure_s(),
                                visit.loadAfter());
                    }
                    row(out, busId, runNumber, seq, run.schoolId(), run.schoolArrival_s(), run.schoolDeparture_s(), 0);
                    runNumber++;
                }
                busId++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void row(Writer out, int bus, int run, int seq, String id, double arrival_s, double departure_s,
                            int load) throws IOException {
        out.write(String.format(Locale.ROOT, "%d,%d,%d,%s,%.1f,%.1f,%d%n", bus, run, seq, id, arrival_s,
                departure_s, load));
    }
}
