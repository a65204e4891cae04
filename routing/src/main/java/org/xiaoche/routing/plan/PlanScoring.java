package org.xiaoche.routing.plan;

import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.stats.Percentiles;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.validation.ValidationReport;
import org.xiaoche.routing.validation.Violation;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A plan's summary from its own contents: coverage from its journeys and unserved students, cost
 * and bus-km from its buses' stored legs and the fleet's prices, rides from the journeys, the rules
 * from its validation report. No solver, matrix or network is needed, so a stored plan re-scores.
 */
public final class PlanScoring {

    private PlanScoring() {
    }

    /**
     * A day's cost of a plan's buses, in the fleet's currency units: the buses' daily costs, their
     * kilometres (depot legs included) and one chaperone per bus (条例 Art. 38–39).
     */
    public record DailyCost(double buses, double km, double chaperones) {
        public double total() {
            return buses + km + chaperones;
        }
    }

    /** The plan's daily cost from its buses' stored legs and the fleet's prices. */
    public static DailyCost dailyCost(Plan plan) {
        double buses = 0, km = 0;
        for (Bus bus : plan.buses()) {
            BusType type = plan.fleet().busTypes().stream().filter(t -> t.id().equals(bus.busTypeId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("bus " + bus.busId() + " has type " + bus.busTypeId()
                            + ", which the plan's fleet does not have"));
            buses += type.costPerDay();
            km += type.costPerKm() * bus.driven_m() / 1000;
        }
        return new DailyCost(buses, km, plan.buses().size() * plan.policy().routes().chaperoneCostPerBusDay());
    }

    public static PlanSummary score(Plan plan) {
        double busMetres = 0;
        int beyond = 0;
        for (Bus bus : plan.buses()) {
            busMetres += bus.driven_m();
            beyond += bus.beyondFleet() ? 1 : 0;
        }
        double cost = dailyCost(plan).total();
        double[] rides = plan.journeys().stream().mapToDouble(StudentJourney::amRide_s).sorted().toArray();
        ValidationReport report = plan.validation();
        Set<String> overCaps = report.violations().stream()
                .filter(v -> v.rule().equals("ride-cap") || v.rule().equals("journey-cap"))
                .map(Violation::subject).collect(Collectors.toSet());
        Map<String, Integer> byReason = new TreeMap<>();
        plan.unserved().forEach(u -> byReason.merge(u.reasonCode().name(), 1, Integer::sum));
        int walkOver = (int) plan.journeys().stream().filter(StudentJourney::walkOverLimit).count();
        double walkOverMax_m = plan.journeys().stream().filter(StudentJourney::walkOverLimit)
                .mapToDouble(StudentJourney::walk_m).max().orElse(0);
        int needing = plan.needing().size();
        int transported = plan.journeys().size();
        int runs = plan.buses().stream().mapToInt(b -> b.runs().size()).sum();
        int wallCapHits = (int) plan.schoolRuns().stream().filter(SchoolRuns::wallCapHit).count();
        String coverage = String.format(Locale.ROOT, "%,d of %,d students needing transport carried", transported, needing);
        if (!plan.unserved().isEmpty()) {
            coverage += String.format(Locale.ROOT, "; %,d without a bus (%s)", plan.unserved().size(),
                    byReason.entrySet().stream().map(e -> e.getKey().toLowerCase(Locale.ROOT) + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }
        if (walkOver > 0) {
            coverage += String.format(Locale.ROOT, "; %,d walk beyond the limit (longest %.0f m)", walkOver, walkOverMax_m);
        }
        if (beyond > 0) {
            coverage += String.format(Locale.ROOT, "; %,d buses beyond the fleet", beyond);
        }
        boolean complete = plan.unserved().isEmpty() && beyond == 0;
        return new PlanSummary(needing, transported, plan.unserved().size(), byReason,
                (int) plan.journeys().stream().filter(StudentJourney::capInfeasible).count(), walkOver, walkOverMax_m,
                plan.stops().size(), plan.buses().size(), beyond, runs, busMetres / 1000, cost,
                Percentiles.of(rides, 0.5), Percentiles.of(rides, 0.9), rides.length == 0 ? Double.NaN : rides[rides.length - 1],
                overCaps.size(), plan.solver().name(), wallCapHits, report.valid(), report.verdict(), complete, coverage);
    }
}
