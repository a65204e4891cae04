package org.xiaoche.routing.plan;

import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.optimization.DwellModel;
import org.xiaoche.routing.optimization.ForwardRouteTiming;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.StopVisit;
import org.xiaoche.routing.optimization.chaining.BusChain;
import org.xiaoche.routing.optimization.chaining.HopcroftKarp;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.stops.StopAssignment;
import org.xiaoche.routing.stops.StopPlan;
import org.xiaoche.routing.timetable.Bus;
import org.xiaoche.routing.timetable.BusRun;
import org.xiaoche.routing.timetable.PlanTimetable;
import org.xiaoche.routing.timetable.RunDirection;
import org.xiaoche.routing.timetable.StudentJourney;
import org.xiaoche.routing.timetable.TimedStop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the chained morning runs and the afternoon runs into timetables. Afternoon runs leave at
 * dismissal in their solved drop-off order and are chained exactly (fewest buses for their fixed
 * times, a minimum path cover); the afternoon chains are then paired with the morning buses, the
 * fullest with the fullest, so that one bus serves both halves of the day. Each bus gets the
 * smallest type its fullest run fits that the fleet still has, fullest buses first; a bus for which
 * the fleet has none left is marked {@code beyondFleet} (the shortfall). Every place records the
 * drive into it, so that bus-km and leg times can be read from the timetable alone.
 */
final class TimetableAssembler {

    private final PickupGroups groups;
    private final PlacePoints places;
    private final StopPlan stopPlan;
    private final Map<String, School> schools;
    private final RouteRules rules;
    private final Fleet fleet;
    private final DwellModel dwell;

    TimetableAssembler(PickupGroups groups, PlacePoints places, StopPlan stopPlan, Map<String, School> schools,
                       RouteRules rules, Fleet fleet) {
        this.groups = groups;
        this.places = places;
        this.stopPlan = stopPlan;
        this.schools = schools;
        this.rules = rules;
        this.fleet = fleet;
        this.dwell = new DwellModel(rules.dwellFixed_s(), rules.dwellPerStudent_s());
    }

    /** One bus's day before numbering: its morning chain and its afternoon chain (either may be empty). */
    private record BusDay(List<SchoolRoute> morning, List<BusRun> afternoon, int need) {
    }

    /**
     * @param morningChains morning runs chained onto buses
     * @param afternoon     afternoon routes, solved as morning runs over the transposed matrix: each
     *                      route's stop order is the reverse of the afternoon's drop-off order
     */
    PlanTimetable assemble(List<BusChain> morningChains, List<SchoolRoute> afternoon, Map<String, String> unservedReasons) {
        List<List<BusRun>> afternoonChains = chainAfternoon(afternoon);
        List<BusChain> am = new ArrayList<>(morningChains);
        am.sort(Comparator.comparingInt((BusChain c) -> -maxLoad(c)).thenComparingDouble(c -> c.runs().get(0).start_s()));
        List<List<BusRun>> pm = new ArrayList<>(afternoonChains);
        pm.sort(Comparator.comparingInt((List<BusRun> c) -> -maxLoadPm(c)).thenComparingDouble(c -> c.get(0).first().arrival_s()));
        List<BusDay> days = new ArrayList<>();
        for (int i = 0; i < Math.max(am.size(), pm.size()); i++) {
            List<SchoolRoute> morning = i < am.size() ? am.get(i).runs() : List.of();
            List<BusRun> evening = i < pm.size() ? pm.get(i) : List.of();
            int need = Math.max(i < am.size() ? maxLoad(am.get(i)) : 0, i < pm.size() ? maxLoadPm(pm.get(i)) : 0);
            days.add(new BusDay(morning, evening, need));
        }
        // Bus numbers follow the start of the day, so B01 is the earliest bus out.
        days.sort(Comparator.comparingDouble(TimetableAssembler::dayStart_s));
        BusType[] types = new BusType[days.size()];
        boolean[] beyond = new boolean[days.size()];
        Integer[] byNeed = new Integer[days.size()];
        for (int i = 0; i < byNeed.length; i++) {
            byNeed[i] = i;
        }
        Arrays.sort(byNeed, Comparator.comparingInt((Integer i) -> -days.get(i).need()).thenComparingInt(i -> i));
        Map<String, Integer> inUse = new HashMap<>();
        for (int i : byNeed) {
            BusType type = fleet.smallestAvailable(days.get(i).need(), inUse).orElse(null);
            if (type == null) {
                beyond[i] = true;
                type = fleet.smallestFitting(days.get(i).need()).orElse(fleet.largest());
            }
            inUse.merge(type.id(), 1, Integer::sum);
            types[i] = type;
        }
        Map<String, StudentJourney.Builder> journeys = new HashMap<>();
        List<List<BusRun>> runsOfBus = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            String busId = String.format("B%02d", i + 1);
            List<BusRun> runs = new ArrayList<>();
            int runNumber = 0;
            for (SchoolRoute route : days.get(i).morning()) {
                runs.add(morningRun(busId, busId + "-AM" + (++runNumber), route, journeys));
            }
            runsOfBus.add(runs);
        }
        // Afternoons once every journey has its morning.
        List<Bus> buses = new ArrayList<>();
        BusDayLegs legs = new BusDayLegs(places, fleet);
        for (int i = 0; i < days.size(); i++) {
            String busId = String.format("B%02d", i + 1);
            List<BusRun> runs = runsOfBus.get(i);
            int runNumber = 0;
            for (BusRun run : days.get(i).afternoon()) {
                runs.add(placeAfternoon(busId, busId + "-PM" + (++runNumber), run, journeys));
            }
            BusDayLegs.Day day = legs.withLegs(runs);
            buses.add(new Bus(busId, types[i].id(), types[i].seats(), day.runs(), day.returnLegs_m(), beyond[i]));
        }
        List<StudentJourney> students = journeys.values().stream().map(StudentJourney.Builder::build)
                .sorted(Comparator.comparing(StudentJourney::studentId)).toList();
        return new PlanTimetable(buses, students, unservedReasons);
    }

    private static double dayStart_s(BusDay day) {
        return day.morning().isEmpty() ? 86_400 + day.afternoon().get(0).first().arrival_s() : day.morning().get(0).start_s();
    }

    private static int maxLoad(BusChain chain) {
        return chain.runs().stream().mapToInt(SchoolRoute::load).max().orElse(0);
    }

    private static int maxLoadPm(List<BusRun> chain) {
        return chain.stream().mapToInt(r -> r.first().loadAfter()).max().orElse(0);
    }

    private BusRun morningRun(String busId, String runId, SchoolRoute route, Map<String, StudentJourney.Builder> journeys) {
        List<TimedStop> stops = new ArrayList<>();
        int seq = 0;
        for (StopVisit visit : route.visits()) {
            PickupGroups.Pickup pickup = groups.pickup(visit.stop().id());
            stops.add(new TimedStop(++seq, pickup.stopId(), false, stopLocation(pickup.stopId()), visit.arrival_s(),
                    visit.departure_s(), visit.stop().students(), 0, visit.loadAfter()));
            for (StopAssignment a : pickup.students()) {
                String reason = groups.capReasons().get(a.studentId());
                double walk_s = PickupGroups.walk_s(a, rules);
                double ride_s = route.schoolArrival_s() - visit.arrival_s();
                journeys.put(a.studentId(), new StudentJourney.Builder(a.studentId(), a.schoolId(), a.grade(), a.stopId(),
                        a.walk_m() + a.homeAccess_m(), walk_s, rules.waitAtStop_s())
                        .morning(runId, visit.arrival_s(), route.schoolArrival_s(), ride_s)
                        .capInfeasible(reason)
                        .walkOverLimit(a.walkOverLimit()));
            }
        }
        School school = schools.get(route.schoolId());
        stops.add(new TimedStop(++seq, school.id(), true, school.location(), route.schoolArrival_s(),
                route.schoolDeparture_s(), 0, route.load(), 0));
        return new BusRun(runId, busId, school.id(), RunDirection.AM, stops);
    }

    /**
     * Afternoon runs as timed runs from dismissal, then the fewest chains for their fixed times:
     * run q may follow run p when the bus, leaving p's last stop, reaches q's school by q's start.
     */
    private List<List<BusRun>> chainAfternoon(List<SchoolRoute> routes) {
        List<BusRun> runs = new ArrayList<>();
        for (SchoolRoute route : routes) {
            List<PickupGroups.Pickup> dropOrder = new ArrayList<>();
            for (StopVisit visit : route.visits()) {
                dropOrder.add(0, groups.pickup(visit.stop().id()));
            }
            runs.add(afternoonRun(route.schoolId(), dropOrder));
        }
        runs.sort(Comparator.comparingDouble((BusRun r) -> r.first().arrival_s()).thenComparing(r -> r.stops().get(1).placeId())
                .thenComparingInt(r -> -r.first().loadAfter()));
        int n = runs.size();
        List<int[]> successors = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int[] next = new int[n];
            int count = 0;
            for (int q = 0; q < n; q++) {
                if (q != p && runs.get(p).last().departure_s() + deadhead_s(runs.get(p).last(), runs.get(q).first())
                        <= runs.get(q).first().arrival_s()) {
                    next[count++] = q;
                }
            }
            successors.add(Arrays.copyOf(next, count));
        }
        int[] nextOf = HopcroftKarp.maximumMatching(successors, n);
        boolean[] hasPredecessor = new boolean[n];
        for (int p = 0; p < n; p++) {
            if (nextOf[p] >= 0) {
                hasPredecessor[nextOf[p]] = true;
            }
        }
        List<List<BusRun>> chains = new ArrayList<>();
        for (int head = 0; head < n; head++) {
            if (!hasPredecessor[head]) {
                List<BusRun> chain = new ArrayList<>();
                for (int r = head; r >= 0; r = nextOf[r]) {
                    chain.add(runs.get(r));
                }
                chains.add(chain);
            }
        }
        return chains;
    }

    // Identity, not equality: two runs from one busy stop can be equal as values.
    private final Map<BusRun, List<PickupGroups.Pickup>> dropOrderOf = new IdentityHashMap<>();

    private BusRun afternoonRun(String schoolId, List<PickupGroups.Pickup> dropOrder) {
        School school = schools.get(schoolId);
        int load = dropOrder.stream().mapToInt(p -> p.students().size()).sum();
        double dismissal_s = school.dismissalTime().toSecondOfDay();
        List<TimedStop> stops = new ArrayList<>();
        double departure_s = dismissal_s + dwell.dwell_s(load);
        stops.add(new TimedStop(1, school.id(), true, school.location(), dismissal_s, departure_s, load, 0, load));
        double[] legs_s = new double[dropOrder.size()];
        int[] alighting = new int[dropOrder.size()];
        int fromIndex = places.index(PlacePoints.schoolKey(school.id()));
        for (int k = 0; k < dropOrder.size(); k++) {
            int toIndex = places.index(PlacePoints.stopKey(dropOrder.get(k).stopId()));
            legs_s[k] = places.matrix().time_s(fromIndex, toIndex);
            alighting[k] = dropOrder.get(k).students().size();
            fromIndex = toIndex;
        }
        ForwardRouteTiming.Times times = ForwardRouteTiming.timed(departure_s, legs_s, alighting, dwell);
        for (int k = 0; k < dropOrder.size(); k++) {
            load -= alighting[k];
            String stopId = dropOrder.get(k).stopId();
            stops.add(new TimedStop(k + 2, stopId, false, stopLocation(stopId), times.arrival_s()[k], times.departure_s()[k],
                    0, alighting[k], load));
        }
        BusRun run = new BusRun("pending", "pending", school.id(), RunDirection.PM, stops);
        dropOrderOf.put(run, dropOrder);
        return run;
    }

    private BusRun placeAfternoon(String busId, String runId, BusRun pending, Map<String, StudentJourney.Builder> journeys) {
        BusRun placed = new BusRun(runId, busId, pending.schoolId(), RunDirection.PM, pending.stops());
        int seq = 1;
        for (PickupGroups.Pickup pickup : dropOrderOf.get(pending)) {
            TimedStop dropOff = placed.stops().get(seq++);
            for (StopAssignment a : pickup.students()) {
                StudentJourney.Builder journey = journeys.get(a.studentId());
                if (journey != null) {
                    journey.afternoon(runId, placed.first().departure_s(), dropOff.arrival_s());
                }
            }
        }
        return placed;
    }

    private double deadhead_s(TimedStop from, TimedStop to) {
        return places.matrix().time_s(places.index(placeKey(from)), places.index(placeKey(to)));
    }

    static String placeKey(TimedStop stop) {
        return PlacePoints.placeKey(stop);
    }

    private LonLat stopLocation(String stopId) {
        return stopPlan.findStop(stopId).orElseThrow().location();
    }
}
