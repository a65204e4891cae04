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
import org.xiaoche.routing.optimization.BackwardRouteTiming;
import org.xiaoche.routing.optimization.FleetPlan;
import org.xiaoche.routing.optimization.FleetPlanner;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.SchoolRoutePlan;
import org.xiaoche.routing.optimization.SchoolRouteSolver;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.SolverBudget;
import org.xiaoche.routing.optimization.StopVisit;
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
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;
import org.xiaoche.routing.validation.ValidationReport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole morning-and-afternoon plan of a district as public stages, each taking and returning
 * values: eligibility → stops → bus travel times → pickups → routes per school → chaining →
 * timetables → validation → {@link Plan}. Every student who needs transport ends up on a run, or
 * listed as unserved with a reason; students whose caps no trip can meet ride a direct trip and are
 * listed as {@code cap_infeasible}. {@link #replan} re-solves only the schools whose routing
 * problem changed and re-uses the base plan's runs for the others.
 */
public final class SchoolBusPlanner {

    /** Stops lie on bus roads; anything farther from one than this is not a usable stop. */
    private static final double MAX_STOP_SNAP_M = 500;

    private final RoadNetwork network;
    private final SchoolRouteSolver solver;
    private final SolverBudget budget;
    private final BusTravelTimeCalculator travelTimeCalculator;
    private final int threads;

    public SchoolBusPlanner(RoadNetwork network, SchoolRouteSolver solver, SolverBudget budget) {
        this.network = network;
        this.solver = solver;
        this.budget = budget;
        this.travelTimeCalculator = new BusTravelTimeCalculator(network);
        this.threads = Runtime.getRuntime().availableProcessors();
    }

    public PlanResult plan(PlanInput input, ProgressListener progress) {
        return replan(null, input, progress);
    }

    public PlanResult plan(List<School> schools, List<Student> students, Fleet fleet, PlanningPolicy policy,
                           ProgressListener progress) {
        return plan(new PlanInput(schools, students, fleet, policy), progress);
    }

    /**
     * Plans {@code input}, re-using {@code base}'s runs (may be null) for every school whose routing
     * problem is unchanged, and chains buses over all runs anew.
     */
    public PlanResult replan(Plan base, PlanInput input, ProgressListener progress) {
        PlanningPolicy policy = input.policy();
        // A depot off the region or far from bus roads is an input error, refused before any work.
        org.xiaoche.routing.fleet.DepotCheck.check("fleet", input.fleet(), network, policy);
        RouteRules rules = policy.routes();
        Map<String, School> schoolsById = input.schools().stream().collect(Collectors.toMap(School::id,
                Function.identity(), (a, b) -> a, LinkedHashMap::new));
        EligibilityResult eligibility = eligibility(input, progress.slice(0, 0.2));

        progress.progress("bus stops", 0.2);
        StopPlan stopPlan = stops(eligibility, policy);
        Map<String, String> unserved = new LinkedHashMap<>();
        Map<String, UnservedReason> codes = new HashMap<>();
        stopPlan.unserved().forEach(a -> {
            unserved.put(a.studentId(), a.reason());
            codes.put(a.studentId(), UnservedReason.NO_BUS_ROAD_NEAR_HOME);
        });

        progress.progress("bus travel times", 0.35);
        List<StopAssignment> served = new ArrayList<>(stopPlan.served());
        Map<String, String> offBusRoads = new LinkedHashMap<>();
        PlacePoints places = travelTimes(stopPlan, served, schoolsById, input.fleet(), offBusRoads);
        offBusRoads.forEach((id, reason) -> {
            unserved.put(id, reason);
            codes.put(id, UnservedReason.NO_BUS_ROAD_TO_SCHOOL);
        });

        progress.progress("routes", 0.45);
        PickupGroups groups = new PickupGroups(served, schoolsById, places, rules, policy::isYoungPupil,
                input.fleet().largest().seats());
        groups.unroutable().forEach((id, reason) -> {
            unserved.put(id, reason);
            codes.put(id, UnservedReason.NO_BUS_ROAD_TO_SCHOOL);
        });
        List<RoutesPerSchool.SolvedSchool> solved = routes(groups, base, progress.slice(0.45, 0.85));
        Set<String> leftOut = new HashSet<>();
        for (RoutesPerSchool.SolvedSchool school : solved) {
            school.unservedMorning().forEach(p -> {
                leftOut.add(p.id());
                groups.pickup(p.id()).students().forEach(a -> {
                    unserved.put(a.studentId(), "the route solver found no feasible run");
                    codes.put(a.studentId(), UnservedReason.NO_FEASIBLE_RUN);
                });
            });
            school.unservedAfternoon().forEach(p -> {
                leftOut.add(p.id());
                groups.pickup(p.id()).students().forEach(a -> {
                    unserved.putIfAbsent(a.studentId(), "the route solver found no feasible afternoon run");
                    codes.putIfAbsent(a.studentId(), UnservedReason.NO_FEASIBLE_RUN);
                });
            });
        }
        // A pickup left out in one direction is left out in both: its students have no bus at all.
        List<SchoolRoutePlan> morningPlans = new ArrayList<>();
        List<SchoolRoute> afternoon = new ArrayList<>();
        for (RoutesPerSchool.SolvedSchool school : solved) {
            morningPlans.add(new SchoolRoutePlan(school.problems().morning(),
                    without(school.morning(), leftOut, school.problems().morning()), List.of()));
            afternoon.addAll(without(school.afternoon(), leftOut, school.problems().afternoon()));
        }

        progress.progress("chaining", 0.85);
        FleetPlan morning = new FleetPlanner(solver, BestOfChainer.standard(), threads).chain(morningPlans, places.travelTimes());

        progress.progress("timetables", 0.88);
        TimetableAssembler assembler = new TimetableAssembler(groups, places, stopPlan, schoolsById, rules, input.fleet());
        PlanTimetable timetable = assembler.assemble(morning.buses(), afternoon, unserved);

        progress.progress("validation", 0.92);
        Plan plan = assemblePlan(input, eligibility, stopPlan, timetable, solved, places, codes);
        progress.progress("plan ready", 1.0);
        return new PlanResult(eligibility, stopPlan, plan.timetable(), plan.validation(), plan.summary(), plan);
    }

    /** The routes with the visits of {@code leftOut} pickups removed and re-timed; routes left empty are dropped. */
    private static List<SchoolRoute> without(List<SchoolRoute> routes, Set<String> leftOut, SchoolRoutingProblem problem) {
        if (leftOut.isEmpty()) {
            return routes;
        }
        List<SchoolRoute> kept = new ArrayList<>();
        for (SchoolRoute route : routes) {
            List<PickupStop> order = route.visits().stream().map(StopVisit::stop).filter(p -> !leftOut.contains(p.id())).toList();
            if (order.size() == route.visits().size()) {
                kept.add(route);
            } else if (!order.isEmpty()) {
                kept.add(BackwardRouteTiming.timed(problem, order, route.schoolArrival_s()));
            }
        }
        return kept;
    }

    /** Stage 1: who walks and who needs transport. */
    public EligibilityResult eligibility(PlanInput input, ProgressListener progress) {
        return new EligibilityCalculator(network).compute(input.schools(), input.students(), input.policy(), progress);
    }

    /** Stage 2: stops on bus roads, and each student's stop. */
    public StopPlan stops(EligibilityResult eligibility, PlanningPolicy policy) {
        return new StopPlanner(network).plan(eligibility.students(), policy);
    }

    /**
     * Stage 3: the matrix over used stops, schools with students to carry, and depots. A place no bus
     * road reaches is dropped and its students reported, then the matrix is computed again without it.
     */
    public PlacePoints travelTimes(StopPlan stopPlan, List<StopAssignment> served, Map<String, School> schools,
                                   Fleet fleet, Map<String, String> unserved) {
        Set<String> droppedPlaces = new HashSet<>();
        while (true) {
            PlacePoints places = new PlacePoints();
            Set<String> usedStops = served.stream().map(StopAssignment::stopId).collect(Collectors.toCollection(TreeSet::new));
            for (String stopId : usedStops) {
                BusStop stop = stopPlan.findStop(stopId).orElseThrow();
                String key = PlacePoints.stopKey(stopId);
                if (!droppedPlaces.contains(key)) {
                    places.add(key, stop.location());
                }
            }
            Set<String> usedSchools = served.stream().map(StopAssignment::schoolId).collect(Collectors.toCollection(TreeSet::new));
            for (String schoolId : usedSchools) {
                String key = PlacePoints.schoolKey(schoolId);
                if (!droppedPlaces.contains(key)) {
                    places.add(key, schools.get(schoolId).location());
                }
            }
            for (Depot depot : fleet.depots()) {
                String key = PlacePoints.depotKey(depot.id());
                if (!droppedPlaces.contains(key)) {
                    places.add(key, depot.location());
                }
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

    /**
     * Stage 5: each school's morning and afternoon runs, re-using {@code base}'s (may be null) where a
     * school's problem is unchanged ({@link RoutesPerSchool}).
     */
    public List<RoutesPerSchool.SolvedSchool> routes(PickupGroups groups, Plan base, ProgressListener progress) {
        return new RoutesPerSchool(new FleetPlanner(solver, BestOfChainer.standard(), threads), budget).routes(groups, base, progress);
    }

    /** Stages 7–8: the plan value, validated against the planning matrix and scored. */
    private Plan assemblePlan(PlanInput input, EligibilityResult eligibility, StopPlan stopPlan, PlanTimetable timetable,
                              List<RoutesPerSchool.SolvedSchool> solved, PlacePoints places, Map<String, UnservedReason> codes) {
        Map<String, StopAssignment> assignments = new HashMap<>();
        stopPlan.assignments().forEach(a -> assignments.put(a.studentId(), a));
        List<Plan.NeedingStudent> needing = eligibility.students().stream()
                .filter(e -> e.status() == EligibilityStatus.NEEDS_TRANSPORT)
                .map(e -> new Plan.NeedingStudent(e.student().id(), e.student().schoolId(), e.student().grade()))
                .sorted(java.util.Comparator.comparing(Plan.NeedingStudent::studentId)).toList();
        Map<String, Plan.NeedingStudent> needingById = new HashMap<>();
        needing.forEach(n -> needingById.put(n.studentId(), n));
        List<UnservedStudent> unserved = timetable.unservedReasons().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    Plan.NeedingStudent n = needingById.get(e.getKey());
                    return new UnservedStudent(e.getKey(), n == null ? "" : n.schoolId(), n == null ? 0 : n.grade(),
                            codes.get(e.getKey()), e.getValue());
                }).toList();
        Set<String> usedStops = new TreeSet<>();
        timetable.runs().forEach(r -> r.stops().stream().filter(s -> !s.school()).forEach(s -> usedStops.add(s.placeId())));
        List<PlanStop> stops = usedStops.stream().map(id -> {
            BusStop stop = stopPlan.findStop(id).orElseThrow();
            return new PlanStop(stop.id(), stopName(stop), stop.location());
        }).toList();
        List<PlanSchool> schools = input.schools().stream().map(s -> new PlanSchool(s.id(), s.name(), s.location(),
                s.bellTime().toSecondOfDay(), s.dismissalTime().toSecondOfDay())).toList();
        List<StudentJourney> journeys = timetable.students();
        SolverSettings settings = SolverSettings.of(solver.name(), budget);
        PlanInputs inputs = new PlanInputs(network.graphDir().getFileName().toString(), rosterFingerprint(input),
                PlanCodec.fingerprint(input.policy()), PlanCodec.fingerprint(input.fleet()), PlanCodec.fingerprint(settings));
        Plan plan = new Plan(Plan.FORMAT_VERSION, inputs, input.policy(), input.fleet(), settings, schools, stops,
                timetable.buses(), journeys, needing, unserved, solved.stream().map(RoutesPerSchool.SolvedSchool::runs).toList(), null, null);
        ValidationReport report = PlanChecks.validate(plan, (TimedStop from, TimedStop to) ->
                places.matrix().time_s(places.index(TimetableAssembler.placeKey(from)), places.index(TimetableAssembler.placeKey(to))));
        plan = plan.withValidation(report);
        return plan.withSummary(PlanScoring.score(plan));
    }

    private static String stopName(BusStop stop) {
        return stop.name() == null || stop.name().isBlank() ? stop.id() : stop.name();
    }

    /**
     * SHA-256 over the roster as planned: schools (id, location, times, capacity) and students (id, school, grade,
     * home); a plan records it in {@link PlanInputs#roster()}, so a caller can check it holds the inputs of a plan.
     */
    public static String rosterFingerprint(PlanInput input) {
        StringBuilder text = new StringBuilder();
        input.schools().stream().sorted(java.util.Comparator.comparing(School::id)).forEach(s -> text.append(String.format(Locale.ROOT,
                "S|%s|%.7f|%.7f|%s|%s|%d%n", s.id(), s.location().lon(), s.location().lat(), s.bellTime(), s.dismissalTime(), s.capacity())));
        input.students().stream().sorted(java.util.Comparator.comparing(Student::id)).forEach(s -> text.append(String.format(Locale.ROOT,
                "P|%s|%s|%d|%.7f|%.7f|%b%n", s.id(), s.schoolId(), s.grade(), s.home().lon(), s.home().lat(), s.wheelchair())));
        return PlanCodec.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
