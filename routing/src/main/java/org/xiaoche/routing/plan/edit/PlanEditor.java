package org.xiaoche.routing.plan.edit;

import org.xiaoche.routing.fleet.Depot;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.network.BoundedWalkSearch;
import org.xiaoche.routing.network.BusTravelTimeCalculator;
import org.xiaoche.routing.network.OffBusNetworkException;
import org.xiaoche.routing.network.OffBusNetworkPoint;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.network.WalkPoint;
import org.xiaoche.routing.optimization.ArrivalWindow;
import org.xiaoche.routing.optimization.BackwardRouteTiming;
import org.xiaoche.routing.optimization.DwellModel;
import org.xiaoche.routing.optimization.ForwardRouteTiming;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.plan.BusDayLegs;
import org.xiaoche.routing.plan.PlacePoints;
import org.xiaoche.routing.plan.Plan;
import org.xiaoche.routing.plan.PlanChecks;
import org.xiaoche.routing.plan.PlanSchool;
import org.xiaoche.routing.plan.PlanScoring;
import org.xiaoche.routing.plan.PlanStop;
import org.xiaoche.routing.plan.SchoolRuns;
import org.xiaoche.routing.plan.edit.PlanEditException.Reason;
import org.xiaoche.routing.policy.PlanningPolicy;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.stops.StoppableRoads;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.ClockTime;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applies hand edits to a plan and returns a new plan. Runs an edit touches are re-timed from bus
 * travel times between their places (computed for the affected buses' places only): mornings
 * backwards from their school arrival ({@link BackwardRouteTiming}), afternoons forwards from
 * dismissal ({@link ForwardRouteTiming}), with the policy's dwell, and every affected bus's legs by
 * {@link BusDayLegs}, the planner's own rules. Students whose stop changes get their walk measured
 * again along the walking network. The summary and the validator's report are recomputed
 * ({@link PlanScoring}, {@link PlanChecks}): an edit that breaks a cap or the seats shows up as a
 * violation, it is not refused. Edits that make no sense are refused with a {@link PlanEditException}.
 * Bus types stay as they were: a planner who overfills a bus sees the seats rule broken.
 */
public final class PlanEditor {

    /** A moved stop must meet a road where a bus may stop within this distance, as planned stops do. */
    public static final double MAX_STOP_SNAP_M = 500;

    private final RoadNetwork network;
    private final StudentHomes homes;

    public PlanEditor(RoadNetwork network, StudentHomes homes) {
        this.network = network;
        this.homes = homes;
    }

    /** A run while it is edited: its stops in visiting order (AM: pickups before the school; PM: drops after it). */
    private static final class WorkingRun {
        final String runId, busId, schoolId;
        final RunDirection direction;
        final List<String> stops = new ArrayList<>();
        double schoolTime_s;
        boolean dirty;

        WorkingRun(BusRun run) {
            runId = run.runId();
            busId = run.busId();
            schoolId = run.schoolId();
            direction = run.direction();
            // A run that calls twice at one stop (two pickups of it) calls there once when edited: journeys
            // name the stop, not the call, so its students could not be told apart.
            run.stops().stream().filter(s -> !s.school()).map(TimedStop::placeId).distinct().forEach(stops::add);
            schoolTime_s = direction == RunDirection.AM ? run.last().arrival_s() : run.first().arrival_s();
        }
    }

    /** A transported student while the plan is edited. */
    private static final class Rider {
        final StudentJourney journey;
        String stopId, amRunId, pmRunId;
        double walk_m;
        boolean walkOverLimit, moved;

        Rider(StudentJourney journey) {
            this.journey = journey;
            stopId = journey.stopId();
            amRunId = journey.amRunId();
            pmRunId = journey.pmRunId();
            walk_m = journey.walk_m();
            walkOverLimit = journey.walkOverLimit();
        }

        String runId(RunDirection direction) {
            return direction == RunDirection.AM ? amRunId : pmRunId;
        }

        void setRun(RunDirection direction, String runId) {
            if (direction == RunDirection.AM) {
                amRunId = runId;
            } else {
                pmRunId = runId;
            }
        }
    }

    /** Everything an edit may change, keyed by id in sorted maps so the result never depends on hash order. */
    private final class Session {
        final Plan plan;
        final Map<String, PlanStop> stops = new TreeMap<>();
        final Map<String, WorkingRun> runs = new TreeMap<>();
        final Map<String, Rider> riders = new TreeMap<>();
        final Map<String, Integer> bells = new TreeMap<>();
        final Set<String> movedStops = new TreeSet<>();
        final List<PlanChange> changes = new ArrayList<>();
        StoppableRoads roads;

        Session(Plan plan) {
            this.plan = plan;
            plan.stops().forEach(s -> stops.put(s.id(), s));
            plan.runs().forEach(r -> runs.put(r.runId(), new WorkingRun(r)));
            plan.journeys().forEach(j -> riders.put(j.studentId(), new Rider(j)));
            plan.schools().forEach(s -> bells.put(s.id(), s.bell_s()));
        }

        String stopName(String stopId) {
            PlanStop stop = stops.get(stopId);
            return stop == null ? stopId : stop.name();
        }

        long riderCount(WorkingRun run, String stopId) {
            return riders.values().stream().filter(r -> stopId.equals(r.stopId) && run.runId.equals(r.runId(run.direction))).count();
        }

        /** Drops visits where no one boards or alights any more, and says so. */
        void dropEmptyVisits(WorkingRun run) {
            for (String stopId : List.copyOf(run.stops)) {
                if (riderCount(run, stopId) == 0) {
                    run.stops.remove(stopId);
                    changes.add(new PlanChange(PlanChange.Kind.STOP_LEFT_RUN, List.of(stopName(stopId), run.runId)));
                }
            }
            if (run.stops.isEmpty()) {
                changes.add(new PlanChange(PlanChange.Kind.RUN_REMOVED, List.of(run.runId)));
            }
        }
    }

    /**
     * Applies {@code edits} in order to {@code plan}.
     *
     * @throws PlanEditException naming the first edit that makes no sense; nothing is applied then
     */
    public EditedPlan apply(Plan plan, List<PlanEdit> edits) {
        Session session = new Session(plan);
        for (int i = 0; i < edits.size(); i++) {
            PlanEdit edit = edits.get(i);
            int number = i + 1;
            if (edit instanceof PlanEdit.MoveStop e) {
                moveStop(session, number, e);
            } else if (edit instanceof PlanEdit.MoveStudent e) {
                moveStudent(session, number, e);
            } else if (edit instanceof PlanEdit.MoveStopToRun e) {
                moveStopToRun(session, number, e);
            } else if (edit instanceof PlanEdit.ReorderRun e) {
                reorderRun(session, number, e);
            } else if (edit instanceof PlanEdit.SetBell e) {
                setBell(session, number, e);
            }
        }
        return new EditedPlan(rebuild(session, edits), session.changes);
    }

    private void moveStop(Session s, int number, PlanEdit.MoveStop e) {
        PlanStop stop = s.stops.get(e.stopId());
        if (stop == null) {
            throw new PlanEditException(number, e, Reason.UNKNOWN_STOP, "the plan has no stop " + e.stopId(), e.stopId());
        }
        if (s.roads == null) {
            s.roads = StoppableRoads.of(network, s.plan.policy());
        }
        StoppableRoads roads = s.roads;
        Optional<WalkPoint> roadside = network.findWalkPoint(e.to(), roads::isStoppable);
        if (roadside.isEmpty() || roadside.get().access_m() > MAX_STOP_SNAP_M) {
            throw new PlanEditException(number, e, Reason.NO_STOP_ROAD_NEAR, "no road where a bus may stop within "
                    + (int) MAX_STOP_SNAP_M + " m of the new place", (int) MAX_STOP_SNAP_M);
        }
        LonLat to = roadside.get().snapped();
        double moved_m = stop.location().distance_m(to);
        s.stops.put(stop.id(), new PlanStop(stop.id(), stop.name(), to));
        s.movedStops.add(stop.id());
        s.runs.values().stream().filter(r -> r.stops.contains(stop.id())).forEach(r -> r.dirty = true);
        for (Rider rider : s.riders.values()) {
            if (rider.stopId.equals(stop.id())) {
                rider.moved = true;
            }
        }
        s.changes.add(new PlanChange(PlanChange.Kind.STOP_MOVED, List.of(stop.name(), String.format(Locale.ROOT, "%.0f", moved_m))));
    }

    private void moveStudent(Session s, int number, PlanEdit.MoveStudent e) {
        Rider rider = s.riders.get(e.studentId());
        if (rider == null) {
            throw new PlanEditException(number, e, Reason.STUDENT_NOT_RIDING, "student " + e.studentId() + " rides no bus in this plan",
                    e.studentId());
        }
        if (!s.stops.containsKey(e.toStopId())) {
            throw new PlanEditException(number, e, Reason.UNKNOWN_STOP, "the plan has no stop " + e.toStopId(), e.toStopId());
        }
        if (rider.stopId.equals(e.toStopId())) {
            throw new PlanEditException(number, e, Reason.STUDENT_ALREADY_THERE, "the student already boards at this stop",
                    e.studentId(), e.toStopId());
        }
        String schoolId = rider.journey.schoolId();
        Map<RunDirection, WorkingRun> target = new TreeMap<>();
        for (RunDirection direction : RunDirection.values()) {
            s.runs.values().stream()
                    .filter(r -> r.direction == direction && r.schoolId.equals(schoolId) && r.stops.contains(e.toStopId()))
                    .findFirst().ifPresent(r -> target.put(direction, r));
        }
        if (target.size() < RunDirection.values().length) {
            throw new PlanEditException(number, e, Reason.NO_RUN_AT_STOP, "no run of the student's school " + schoolId
                    + " calls at stop " + e.toStopId() + " both morning and afternoon", schoolId, e.toStopId());
        }
        String fromStop = rider.stopId;
        List<WorkingRun> left = new ArrayList<>();
        for (RunDirection direction : RunDirection.values()) {
            WorkingRun old = s.runs.get(rider.runId(direction));
            WorkingRun now = target.get(direction);
            rider.setRun(direction, now.runId);
            now.dirty = true;
            if (old != null) {
                old.dirty = true;
                left.add(old);
            }
        }
        rider.stopId = e.toStopId();
        rider.moved = true;
        s.changes.add(new PlanChange(PlanChange.Kind.STUDENT_MOVED, List.of(e.studentId(), s.stopName(fromStop), s.stopName(e.toStopId()))));
        left.forEach(s::dropEmptyVisits);
    }

    private void moveStopToRun(Session s, int number, PlanEdit.MoveStopToRun e) {
        WorkingRun from = s.runs.get(e.fromRunId());
        WorkingRun to = s.runs.get(e.toRunId());
        if (from == null || to == null) {
            String missing = from == null ? e.fromRunId() : e.toRunId();
            throw new PlanEditException(number, e, Reason.UNKNOWN_RUN, "the plan has no run " + missing, missing);
        }
        if (from == to) {
            throw new PlanEditException(number, e, Reason.SAME_RUN, "the stop is already on this run; reorder the run instead");
        }
        if (!from.stops.contains(e.stopId())) {
            throw new PlanEditException(number, e, Reason.RUN_MISSES_STOP, "run " + from.runId + " does not call at stop " + e.stopId(),
                    from.runId, e.stopId());
        }
        if (to.stops.contains(e.stopId())) {
            throw new PlanEditException(number, e, Reason.RUN_HAS_STOP, "run " + to.runId + " already calls at stop " + e.stopId(),
                    to.runId, e.stopId());
        }
        if (!from.schoolId.equals(to.schoolId) || from.direction != to.direction) {
            throw new PlanEditException(number, e, Reason.RUNS_DIFFER, "runs " + from.runId + " and " + to.runId
                    + " do not serve the same school in the same half of the day", from.runId, to.runId);
        }
        if (e.position() < 0 || e.position() > to.stops.size()) {
            throw new PlanEditException(number, e, Reason.POSITION_OUT_OF_RANGE, "position " + e.position() + " is outside 0.."
                    + to.stops.size(), e.position(), to.stops.size());
        }
        for (Rider rider : s.riders.values()) {
            if (rider.stopId.equals(e.stopId()) && from.runId.equals(rider.runId(from.direction))) {
                rider.setRun(from.direction, to.runId);
            }
        }
        from.stops.remove(e.stopId());
        to.stops.add(e.position(), e.stopId());
        from.dirty = true;
        to.dirty = true;
        s.changes.add(new PlanChange(PlanChange.Kind.STOP_MOVED_TO_RUN, List.of(s.stopName(e.stopId()), from.runId, to.runId,
                Integer.toString(e.position() + 1))));
        if (from.stops.isEmpty()) {
            s.changes.add(new PlanChange(PlanChange.Kind.RUN_REMOVED, List.of(from.runId)));
        }
    }

    private void reorderRun(Session s, int number, PlanEdit.ReorderRun e) {
        WorkingRun run = s.runs.get(e.runId());
        if (run == null) {
            throw new PlanEditException(number, e, Reason.UNKNOWN_RUN, "the plan has no run " + e.runId(), e.runId());
        }
        if (!new TreeSet<>(e.stopIds()).equals(new TreeSet<>(run.stops)) || e.stopIds().size() != run.stops.size()) {
            String stops = String.join(", ", run.stops);
            throw new PlanEditException(number, e, Reason.ORDER_NOT_THE_RUNS_STOPS, "the new order must list each of the run's stops once: "
                    + stops, run.runId, stops);
        }
        run.stops.clear();
        run.stops.addAll(e.stopIds());
        run.dirty = true;
        s.changes.add(new PlanChange(PlanChange.Kind.RUN_REORDERED, List.of(run.runId,
                run.stops.stream().map(s::stopName).collect(Collectors.joining(" → ")))));
    }

    private void setBell(Session s, int number, PlanEdit.SetBell e) {
        Integer old_s = s.bells.get(e.schoolId());
        if (old_s == null) {
            throw new PlanEditException(number, e, Reason.UNKNOWN_SCHOOL, "the plan has no school " + e.schoolId(), e.schoolId());
        }
        if (e.bell_s() < 0 || e.bell_s() >= 24 * 3600) {
            throw new PlanEditException(number, e, Reason.BELL_NOT_A_TIME, "a bell time is a time of day");
        }
        int delta_s = e.bell_s() - old_s;
        s.bells.put(e.schoolId(), e.bell_s());
        // Morning runs keep their arrival's distance from the bell; the validator judges what that does to chains.
        s.runs.values().stream().filter(r -> r.schoolId.equals(e.schoolId()) && r.direction == RunDirection.AM).forEach(r -> {
            r.schoolTime_s += delta_s;
            r.dirty = true;
        });
        s.changes.add(new PlanChange(PlanChange.Kind.BELL_CHANGED, List.of(s.plan.schoolName(e.schoolId()),
                ClockTime.hhmm(old_s), ClockTime.hhmm(e.bell_s()))));
    }

    /**
     * Refuses edits after which a bus would have to drive where no road leads (one-way streets, a stop moved
     * onto a road cut off from the rest): the times would be infinite and the plan could not be stored.
     */
    private static void requireDrivable(BusRun run, List<PlanEdit> edits) {
        // The place no road leads into, not an earlier one whose times a morning's backward timing made infinite too.
        TimedStop stop = run.stops().stream().filter(t -> !Double.isFinite(t.legIn_s())).findFirst()
                .or(() -> run.stops().stream().filter(t -> !Double.isFinite(t.arrival_s()) || !Double.isFinite(t.departure_s())).findFirst())
                .orElse(null);
        if (stop != null) {
            throw new PlanEditException(edits.size(), edits.get(edits.size() - 1), Reason.NO_ROAD, "run " + run.runId()
                    + " would have no road for a bus to " + stop.placeId() + " in this order", run.runId(), stop.placeId());
        }
    }

    private Plan rebuild(Session s, List<PlanEdit> edits) {
        Plan plan = s.plan;
        RouteRules rules = plan.policy().routes();
        DwellModel dwell = new DwellModel(rules.dwellFixed_s(), rules.dwellPerStudent_s());
        Set<String> affectedBuses = new TreeSet<>();
        s.runs.values().stream().filter(r -> r.dirty).forEach(r -> affectedBuses.add(r.busId));
        PlacePoints places = places(s, affectedBuses, edits);
        BusDayLegs legs = new BusDayLegs(places, plan.fleet());
        Set<String> affectedSchools = new TreeSet<>();
        List<Bus> buses = new ArrayList<>();
        for (Bus bus : plan.buses()) {
            if (!affectedBuses.contains(bus.busId())) {
                buses.add(bus);
                continue;
            }
            List<BusRun> runs = new ArrayList<>();
            for (BusRun old : bus.runs()) {
                WorkingRun run = s.runs.get(old.runId());
                if (run.stops.isEmpty()) {
                    affectedSchools.add(run.schoolId);
                    continue;
                }
                if (run.dirty) {
                    affectedSchools.add(run.schoolId);
                    runs.add(run.direction == RunDirection.AM ? morning(s, run, places, dwell) : afternoon(s, run, places, dwell));
                } else {
                    runs.add(old);
                }
            }
            if (runs.isEmpty()) {
                continue;
            }
            runs.sort(Comparator.comparing(BusRun::direction).thenComparingDouble(r -> r.first().arrival_s()));
            BusDayLegs.Day day = legs.withLegs(runs);
            day.runs().forEach(r -> requireDrivable(r, edits));
            buses.add(new Bus(bus.busId(), bus.busTypeId(), bus.seats(), day.runs(), day.returnLegs_m(), bus.beyondFleet()));
        }
        Map<String, BusRun> runsById = new TreeMap<>();
        buses.forEach(b -> b.runs().forEach(r -> runsById.put(r.runId(), r)));
        List<StudentJourney> journeys = new ArrayList<>();
        for (Rider rider : s.riders.values()) {
            boolean retimed = rider.moved || s.runs.get(rider.amRunId).dirty
                    || (rider.pmRunId != null && s.runs.get(rider.pmRunId).dirty);
            if (rider.moved) {
                measureWalk(s, rider, edits);
            }
            journeys.add(retimed ? journey(rider, runsById, rules) : rider.journey);
        }
        Set<String> used = new TreeSet<>();
        runsById.values().forEach(r -> r.stops().stream().filter(t -> !t.school()).forEach(t -> used.add(t.placeId())));
        List<PlanStop> stops = used.stream().map(s.stops::get).toList();
        List<PlanSchool> schools = plan.schools().stream().map(p -> new PlanSchool(p.id(), p.name(), p.location(),
                s.bells.get(p.id()), p.dismissal_s())).toList();
        // Edited schools' solved runs no longer match their problem: a later replan solves them again.
        List<SchoolRuns> schoolRuns = plan.schoolRuns().stream().map(r -> affectedSchools.contains(r.schoolId())
                && !r.problemFingerprint().startsWith("edited:")
                ? new SchoolRuns(r.schoolId(), "edited:" + r.problemFingerprint(), r.morning(), r.afternoon(), r.solved(), r.wallCapHit())
                : r).toList();
        Plan edited = new Plan(plan.formatVersion(), plan.inputs(), plan.policy(), plan.fleet(), plan.solver(), schools, stops,
                buses, journeys, plan.needing(), plan.unserved(), schoolRuns, null, null);
        edited = edited.withValidation(PlanChecks.revalidate(edited));
        return edited.withSummary(PlanScoring.score(edited));
    }

    /** Every place of the affected buses' runs and the depots, with bus travel times among them. */
    private PlacePoints places(Session s, Set<String> affectedBuses, List<PlanEdit> edits) {
        PlacePoints places = new PlacePoints();
        for (WorkingRun run : s.runs.values()) {
            if (affectedBuses.contains(run.busId)) {
                run.stops.forEach(id -> places.add(PlacePoints.stopKey(id), s.stops.get(id).location()));
                PlanSchool school = s.plan.findSchool(run.schoolId).orElseThrow();
                places.add(PlacePoints.schoolKey(school.id()), school.location());
            }
        }
        for (Depot depot : s.plan.fleet().depots()) {
            places.add(PlacePoints.depotKey(depot.id()), depot.location());
        }
        try {
            places.attach(new BusTravelTimeCalculator(network).compute(places.points(), MAX_STOP_SNAP_M));
        } catch (OffBusNetworkException e) {
            String key = places.key(e.points().stream().map(OffBusNetworkPoint::index).min(Integer::compare).orElseThrow());
            String stopId = key.startsWith("stop:") ? key.substring("stop:".length()) : key;
            for (int i = edits.size() - 1; i >= 0; i--) {
                if (edits.get(i) instanceof PlanEdit.MoveStop m && m.stopId().equals(stopId)) {
                    throw new PlanEditException(i + 1, m, Reason.STOP_UNREACHABLE, "the new place is not on a road a bus can reach", stopId);
                }
            }
            throw new PlanEditException(edits.size(), edits.get(edits.size() - 1), Reason.PLACE_UNREACHABLE,
                    key + " is not on a road a bus can reach", stopId);
        }
        return places;
    }

    /** A morning run timed backwards from its school arrival, by the planner's own timing. */
    private BusRun morning(Session s, WorkingRun run, PlacePoints places, DwellModel dwell) {
        List<PickupStop> order = new ArrayList<>();
        for (String stopId : run.stops) {
            order.add(new PickupStop(stopId, places.index(PlacePoints.stopKey(stopId)), (int) s.riderCount(run, stopId),
                    Double.MAX_VALUE));
        }
        int schoolNode = places.index(PlacePoints.schoolKey(run.schoolId));
        // Seats are the validator's to judge: the problem here only times the given order.
        SchoolRoutingProblem problem = new SchoolRoutingProblem(run.schoolId, schoolNode,
                new ArrivalWindow(run.schoolTime_s, run.schoolTime_s), order, dwell, dwell, Integer.MAX_VALUE,
                travelTimes(places));
        SchoolRoute route = BackwardRouteTiming.timed(problem, order, run.schoolTime_s);
        List<TimedStop> stops = new ArrayList<>();
        int seq = 0;
        for (var visit : route.visits()) {
            stops.add(new TimedStop(++seq, visit.stop().id(), false, s.stops.get(visit.stop().id()).location(), visit.arrival_s(),
                    visit.departure_s(), visit.stop().students(), 0, visit.loadAfter()));
        }
        PlanSchool school = s.plan.findSchool(run.schoolId).orElseThrow();
        stops.add(new TimedStop(++seq, school.id(), true, school.location(), route.schoolArrival_s(), route.schoolDeparture_s(),
                0, route.load(), 0));
        return new BusRun(run.runId, run.busId, run.schoolId, RunDirection.AM, stops);
    }

    /** An afternoon run timed forwards from the school, by the planner's own timing. */
    private BusRun afternoon(Session s, WorkingRun run, PlacePoints places, DwellModel dwell) {
        PlanSchool school = s.plan.findSchool(run.schoolId).orElseThrow();
        int[] alighting = new int[run.stops.size()];
        double[] legs_s = new double[run.stops.size()];
        int from = places.index(PlacePoints.schoolKey(school.id()));
        int load = 0;
        for (int k = 0; k < run.stops.size(); k++) {
            int to = places.index(PlacePoints.stopKey(run.stops.get(k)));
            legs_s[k] = places.matrix().time_s(from, to);
            alighting[k] = (int) s.riderCount(run, run.stops.get(k));
            load += alighting[k];
            from = to;
        }
        double departure_s = run.schoolTime_s + dwell.dwell_s(load);
        ForwardRouteTiming.Times times = ForwardRouteTiming.timed(departure_s, legs_s, alighting, dwell);
        List<TimedStop> stops = new ArrayList<>();
        stops.add(new TimedStop(1, school.id(), true, school.location(), run.schoolTime_s, departure_s, load, 0, load));
        for (int k = 0; k < run.stops.size(); k++) {
            load -= alighting[k];
            String stopId = run.stops.get(k);
            stops.add(new TimedStop(k + 2, stopId, false, s.stops.get(stopId).location(), times.arrival_s()[k],
                    times.departure_s()[k], 0, alighting[k], load));
        }
        return new BusRun(run.runId, run.busId, run.schoolId, RunDirection.PM, stops);
    }

    private static org.xiaoche.routing.optimization.TravelTimes travelTimes(PlacePoints places) {
        return new org.xiaoche.routing.optimization.TravelTimes() {
            @Override
            public double time_s(int from, int to) {
                return places.matrix().time_s(from, to);
            }

            @Override
            public double distance_m(int from, int to) {
                return places.matrix().distance_m(from, to);
            }
        };
    }

    /**
     * The walk from the student's home to their stop along the walking network, as stops are planned:
     * from where the home meets the network, plus that access leg; straight-line when the walking
     * network does not join them within the policy's walk to a bus road (flagged as over the limit).
     */
    private void measureWalk(Session s, Rider rider, List<PlanEdit> edits) {
        PlanningPolicy policy = s.plan.policy();
        LonLat home = homes.findHome(rider.journey.studentId()).orElseThrow(() -> new PlanEditException(edits.size(),
                edits.get(edits.size() - 1), Reason.HOME_UNKNOWN, "the home of student " + rider.journey.studentId() + " is not in the roster",
                rider.journey.studentId()));
        LonLat stop = s.stops.get(rider.stopId).location();
        int grade = rider.journey.grade();
        double limit_m = policy.maxWalkToStopFor_m(grade);
        double bound_m = Math.max(policy.maxWalkToBusRoad_m(), limit_m);
        double walk_m = Double.POSITIVE_INFINITY;
        Optional<WalkPoint> from = network.findWalkPoint(home);
        Optional<WalkPoint> to = network.findWalkPoint(stop);
        if (from.isPresent() && to.isPresent()) {
            walk_m = new BoundedWalkSearch(network.walkingGraph()).from(from.get(), bound_m).walk_m(to.get()) + from.get().access_m();
        }
        boolean straight = !Double.isFinite(walk_m);
        rider.walk_m = straight ? home.distance_m(stop) : walk_m;
        rider.walkOverLimit = straight || rider.walk_m > limit_m + 1e-6;
    }

    private StudentJourney journey(Rider rider, Map<String, BusRun> runsById, RouteRules rules) {
        StudentJourney old = rider.journey;
        double walk_s = rider.walk_m / rules.childWalkSpeed_mps();
        StudentJourney.Builder b = new StudentJourney.Builder(old.studentId(), old.schoolId(), old.grade(), rider.stopId,
                rider.walk_m, walk_s, old.wait_s());
        BusRun am = runsById.get(rider.amRunId);
        TimedStop pickup = at(am, rider.stopId);
        b.morning(am.runId(), pickup.arrival_s(), am.last().arrival_s(), am.last().arrival_s() - pickup.arrival_s());
        if (rider.pmRunId != null) {
            BusRun pm = runsById.get(rider.pmRunId);
            b.afternoon(pm.runId(), pm.first().departure_s(), at(pm, rider.stopId).arrival_s());
        }
        return b.capInfeasible(old.capInfeasible() ? old.capReason() : null).walkOverLimit(rider.walkOverLimit).build();
    }

    private static TimedStop at(BusRun run, String stopId) {
        return run.stops().stream().filter(t -> !t.school() && t.placeId().equals(stopId)).findFirst().orElseThrow();
    }
}
