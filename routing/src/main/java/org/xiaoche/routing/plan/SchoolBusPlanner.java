package org.xiaoche.routing.plan;

import org.xiaoche.routing.eligibility.EligibilityCalculator;
import org.xiaoche.routing.eligibility.EligibilityResult;
import org.xiaoche.routing.eligibility.EligibilityStatus;
import org.xiaoche.routing.fleet.Depot;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.network.BusTravelTimeCalculator;
import org.xiaoche.routing.network.OffBusNetworkException;
import org.xiaoche.routing.network.OffBusNetworkPoint;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.optimization.FleetPlan;
import org.xiaoche.routing.optimization.FleetPlanner;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.chaining.BestOfChainer;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.progress.ProgressListener;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.roster.Student;
import org.xiaoche.routing.stops.BusStop;
import org.xiaoche.routing.stops.StopAssignment;
import org.xiaoche.routing.stops.StopPlan;
import org.xiaoche.routing.stops.StopPlanner;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;
import org.xiaoche.routing.validation.PlanValidator;
import org.xiaoche.routing.validation.ValidationReport;
import org.xiaoche.routing.validation.ValidationRules;
import org.xiaoche.routing.validation.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole morning-and-afternoon plan of a district: eligibility → stops → bus travel times →
 * routes per school (single load) chained onto buses → timetables → independent validation.
 * Every student who needs transport ends up on a run, or listed as unserved with a reason; students
 * whose caps no trip can meet ride the shortest trip possible and are listed as {@code cap_infeasible}.
 */
public final class SchoolBusPlanner {

    /** Stops lie on bus roads; anything farther from one than this is not a usable stop. */
    private static final double MAX_STOP_SNAP_M = 500;

    private final RoadNetwork network;
    private final SchoolRouteSolver solver;
    private final BusTravelTimeCalculator travelTimeCalculator;

    public SchoolBusPlanner(RoadNetwork network, SchoolRouteSolver solver) {
        this.network = network;
        this.solver = solver;
        this.travelTimeCalculator = new BusTravelTimeCalculator(network);
    }

    public PlanResult plan(List<School> schools, List<Student> students, Fleet fleet, PlanningPolicy policy,
                           ProgressListener progress) {
        RouteRules rules = policy.routes();
        Map<String, School> schoolsById = schools.stream().collect(Collectors.toMap(School::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        EligibilityResult eligibility = new EligibilityCalculator(network)
                .compute(schools, students, policy, progress.slice(0, 0.2));

        progress.progress("bus stops", 0.2);
        StopPlan stopPlan = new StopPlanner(network).plan(eligibility.students(), policy);
        Map<String, String> unserved = new LinkedHashMap<>();
        stopPlan.unserved().forEach(a -> unserved.put(a.studentId(), a.reason()));

        progress.progress("bus travel times", 0.35);
        List<StopAssignment> served = new ArrayList<>(stopPlan.served());
        PlacePoints places = travelTimes(stopPlan, served, schoolsById, fleet, unserved);

        progress.progress("routes", 0.45);
        PickupGroups groups = new PickupGroups(served, schoolsById, places, rules, fleet.largest().seats());
        unserved.putAll(groups.unroutable());
        FleetPlanner planner = new FleetPlanner(solver, BestOfChainer.standard(), Runtime.getRuntime().availableProcessors());
        Duration halfBudget = Duration.ofMillis((long) (rules.solverSeconds() * 500));
        FleetPlan morning = planner.plan(groups.problems(), places.travelTimes(), halfBudget, progress.slice(0.45, 0.65));
        progress.progress("afternoon routes", 0.65);
        List<org.xiaoche.routing.optimization.SchoolRoutingProblem> afternoonProblems = groups.afternoonProblems(rules);
        FleetPlan afternoon = planner.plan(afternoonProblems, afternoonProblems.isEmpty() ? places.travelTimes()
                : afternoonProblems.get(0).travelTimes(), halfBudget, progress.slice(0.65, 0.85));
        for (PickupStop left : morning.unserved()) {
            groups.pickup(left.id()).students().forEach(a -> unserved.put(a.studentId(), "the route solver found no feasible run"));
        }
        for (PickupStop left : afternoon.unserved()) {
            groups.pickup(left.id()).students().forEach(a -> unserved.put(a.studentId(), "the route solver found no feasible afternoon run"));
        }

        progress.progress("timetables", 0.85);
        TimetableAssembler assembler = new TimetableAssembler(groups, places, stopPlan, schoolsById, rules, fleet);
        PlanTimetable timetable = assembler.assemble(morning, afternoon, unserved);

        progress.progress("validation", 0.9);
        ValidationReport report = validate(timetable, eligibility, schoolsById, places, rules);
        PlanSummary summary = summarise(eligibility, stopPlan, timetable, report, places, fleet, rules,
                assembler.busesBeyondFleet());
        progress.progress("plan ready", 1.0);
        return new PlanResult(eligibility, stopPlan, timetable, report, summary);
    }

    /**
     * The matrix over used stops, schools with students to carry, and depots. A place no bus road
     * reaches is dropped and its students reported, then the matrix is computed again without it.
     */
    private PlacePoints travelTimes(StopPlan stopPlan, List<StopAssignment> served, Map<String, School> schools,
                                    Fleet fleet, Map<String, String> unserved) {
        Set<String> droppedPlaces = new HashSet<>();
        while (true) {
            PlacePoints places = new PlacePoints();
            Set<String> usedStops = served.stream().map(StopAssignment::stopId).collect(Collectors.toCollection(java.util.TreeSet::new));
            for (String stopId : usedStops) {
                BusStop stop = stopPlan.findStop(stopId).orElseThrow();
                String key = PlacePoints.stopKey(stopId);
                if (!droppedPlaces.contains(key)) {
                    places.add(key, stop.location());
                }
            }
            Set<String> usedSchools = served.stream().map(StopAssignment::schoolId).collect(Collectors.toCollection(java.util.TreeSet::new));
            for (String schoolId : usedSchools) {
                String key = PlacePoints.schoolKey(schoolId);
                if (!droppedPlaces.contains(key)) {
                    places.add(key, schools.get(schoolId).location());
                }
            }
            for (Depot depot : fleet.depots()) {
                places.add(PlacePoints.depotKey(depot.id()), depot.location());
            }
            try {
                places.attach(travelTimeCalculator.compute(places.points(), MAX_STOP_SNAP_M));
            } catch (OffBusNetworkException e) {
                for (OffBusNetworkPoint p : e.points()) {
                    droppedPlaces.add(places.key(p.index()));
                }
                served.removeIf(a -> {
                    boolean stopGone = droppedPlaces.contains(PlacePoints.stopKey(a.stopId()));
                    boolean schoolGone = droppedPlaces.contains(PlacePoints.schoolKey(a.schoolId()));
                    if (stopGone || schoolGone) {
                        unserved.put(a.studentId(), stopGone ? "stop " + a.stopId() + " is not on a bus road"
                                : "school is farther than " + (int) MAX_STOP_SNAP_M + " m from a bus road");
                    }
                    return stopGone || schoolGone;
                });
                continue;
            }
            return places;
        }
    }

    private static ValidationReport validate(PlanTimetable timetable, EligibilityResult eligibility,
                                             Map<String, School> schools, PlacePoints places, RouteRules rules) {
        ValidationRules validationRules = new ValidationRules(rules.rideCap_s(), rules.journeyCapGrades1to3_s(), 3,
                rules.dwellFixed_s(), rules.dwellPerStudent_s(), rules.arrivalEarliestBeforeBell_s(),
                rules.arrivalLatestBeforeBell_s(), 1.0);
        PlanValidator validator = new PlanValidator(validationRules, (TimedStop from, TimedStop to) ->
                places.matrix().time_s(places.index(TimetableAssembler.placeKey(from)), places.index(TimetableAssembler.placeKey(to))));
        List<PlanValidator.NeedingStudent> needing = eligibility.students().stream()
                .filter(e -> e.status() == EligibilityStatus.NEEDS_TRANSPORT)
                .map(e -> new PlanValidator.NeedingStudent(e.student().id(), e.student().schoolId(), e.student().grade()))
                .toList();
        Map<String, PlanValidator.SchoolTimes> times = new LinkedHashMap<>();
        schools.values().forEach(s -> times.put(s.id(), new PlanValidator.SchoolTimes(s.bellTime(), s.dismissalTime())));
        return validator.validate(timetable, needing, times);
    }

    private PlanSummary summarise(EligibilityResult eligibility, StopPlan stopPlan, PlanTimetable timetable,
                                  ValidationReport report, PlacePoints places, Fleet fleet, RouteRules rules,
                                  int busesBeyondFleet) {
        double busMetres = 0, cost = 0;
        for (Bus bus : timetable.buses()) {
            double busMetresOfBus = 0;
            for (org.xiaoche.routing.timetable.RunDirection direction : org.xiaoche.routing.timetable.RunDirection.values()) {
                List<BusRun> ordered = bus.runs(direction).stream()
                        .sorted(java.util.Comparator.comparingDouble(r -> r.first().arrival_s())).toList();
                TimedStop previous = null;
                for (BusRun run : ordered) {
                    for (TimedStop stop : run.stops()) {
                        if (previous != null) {
                            busMetresOfBus += places.matrix().distance_m(places.index(TimetableAssembler.placeKey(previous)),
                                    places.index(TimetableAssembler.placeKey(stop)));
                        }
                        previous = stop;
                    }
                }
                if (!ordered.isEmpty()) {
                    busMetresOfBus += depotLegs_m(places, fleet, ordered.get(0).first(), ordered.get(ordered.size() - 1).last());
                }
            }
            busMetres += busMetresOfBus;
            var type = fleet.busTypes().stream().filter(t -> t.id().equals(bus.busTypeId())).findFirst().orElseThrow();
            cost += type.costPerDay() + type.costPerKm() * busMetresOfBus / 1000 + rules.chaperoneCostPerBusDay();
        }
        double[] rides = timetable.students().stream().mapToDouble(StudentJourney::amRide_s).sorted().toArray();
        Set<String> overCaps = report.violations().stream()
                .filter(v -> v.rule().equals("ride-cap") || v.rule().equals("journey-cap"))
                .map(Violation::subject).collect(Collectors.toSet());
        int needing = (int) eligibility.count(EligibilityStatus.NEEDS_TRANSPORT);
        return new PlanSummary(needing, timetable.students().size(), timetable.unservedReasons().size(),
                (int) timetable.students().stream().filter(StudentJourney::capInfeasible).count(),
                (int) stopPlan.stops().stream().filter(s -> s.studentCount() > 0).count(),
                timetable.buses().size(), busesBeyondFleet, timetable.runs().size(), busMetres / 1000, cost,
                percentile(rides, 0.5), percentile(rides, 0.9), rides.length == 0 ? Double.NaN : rides[rides.length - 1],
                overCaps.size(), solver.name(), report.verdict());
    }

    /** From the nearest depot to the first place and from the last place to the nearest depot; 0 without depots. */
    private static double depotLegs_m(PlacePoints places, Fleet fleet, TimedStop first, TimedStop last) {
        double out_m = Double.POSITIVE_INFINITY, back_m = Double.POSITIVE_INFINITY;
        int firstIndex = places.index(TimetableAssembler.placeKey(first));
        int lastIndex = places.index(TimetableAssembler.placeKey(last));
        for (Depot depot : fleet.depots()) {
            var index = places.findIndex(PlacePoints.depotKey(depot.id()));
            if (index.isPresent()) {
                out_m = Math.min(out_m, places.matrix().distance_m(index.get(), firstIndex));
                back_m = Math.min(back_m, places.matrix().distance_m(lastIndex, index.get()));
            }
        }
        return (Double.isFinite(out_m) ? out_m : 0) + (Double.isFinite(back_m) ? back_m : 0);
    }

    private static double percentile(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
