package org.xiaoche.routing.export.pdf;

import org.xiaoche.routing.fleet.Depot;
import org.xiaoche.routing.network.BusRouteGeometry;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.timetable.Bus;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which buses an export covers, its document key, and the depot a bus starts from. */
final class PlanBuses {

    private PlanBuses() {
    }

    /** The plan's buses whose ids are in {@code busIds}, in plan order; an unknown id is an error. */
    static List<Bus> select(Plan plan, Collection<String> busIds) {
        Set<String> wanted = new HashSet<>(busIds);
        Set<String> known = new HashSet<>();
        plan.buses().forEach(b -> known.add(b.busId()));
        for (String id : wanted) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("the plan has no bus " + id);
            }
        }
        return plan.buses().stream().filter(b -> wanted.contains(b.busId())).toList();
    }

    /** What a document of these buses is made from: the plan's input fingerprints and the bus ids. */
    static String documentKey(Plan plan, List<Bus> buses) {
        return plan.inputs() + " " + String.join(",", buses.stream().map(Bus::busId).toList());
    }

    /**
     * The depot the bus starts its morning from: as the timetable's depot legs, the one with the shortest
     * drive to its first place; empty without depots.
     */
    static Optional<Depot> depot(Plan plan, Bus bus, BusRouteGeometry geometry) {
        if (bus.runs().isEmpty() || plan.fleet().depots().isEmpty()) {
            return Optional.empty();
        }
        Depot best = null;
        double best_m = Double.POSITIVE_INFINITY;
        for (Depot depot : plan.fleet().depots()) {
            var leg = geometry.legs(List.of(depot.location(), bus.runs().get(0).first().location()), Locale.ROOT).get(0);
            if (leg.routed() && leg.distance_m() < best_m) {
                best_m = leg.distance_m();
                best = depot;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The bus, its type, seats and depot as a one-row table. */
    static void writeBusTable(PdfPages pages, PlanText text, Bus bus, Optional<Depot> depot, float size) throws java.io.IOException {
        Lang lang = text.lang;
        pages.table(List.of(new PdfPages.Column(lang.text("bus"), 1), new PdfPages.Column(lang.text("busType"), 1),
                        new PdfPages.Column(lang.text("seats"), 1), new PdfPages.Column(lang.text("depot"), 2)),
                List.of(List.of(bus.busId(), bus.busTypeId(), lang.text("seats.value", bus.seats()),
                        depot.map(d -> d.id() + " (" + PlanText.location(d.location()) + ")").orElse(lang.text("depot.none")))),
                size);
    }
}
