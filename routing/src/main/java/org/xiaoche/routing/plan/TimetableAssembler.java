package org.xiaoche.routing.plan;

import org.xiaoche.routing.fleet.BusType;
import org.xiaoche.routing.fleet.Fleet;
import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.optimization.FleetPlan;
import org.xiaoche.routing.optimization.SchoolRoute;
import org.xiaoche.routing.optimization.StopVisit;
import org.xiaoche.routing.optimization.chaining.BusChain;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the solver's runs into timetables: timed morning runs on their chained buses, afternoon
 * runs from the dismissal time placed on free buses, buses of the smallest type that fits, and
 * every student's journey.
 */
final class TimetableAssembler {

    private final PickupGroups groups;
    private final PlacePoints places;
    private final StopPlan stopPlan;
    private final Map<String, School> schools;
    private final RouteRules rules;
    private final Fleet fleet;
    private final Map<String, Integer> typesInUse = new HashMap<>();
    private int busesBeyondFleet;

    TimetableAssembler(PickupGroups groups, PlacePoints places, StopPlan stopPlan, Map<String, School> schools,
                       RouteRules rules, Fleet fleet) {
        this.groups = groups;
        this.places = places;
        this.stopPlan = stopPlan;
        this.schools = schools;
        this.rules = rules;
        this.fleet = fleet;
    }

    /**
     * @param morning   morning runs chained onto buses
     * @param afternoon afternoon runs, solved as morning runs over the transposed matrix: each
     *                  route's stop order is the reverse of the afternoon's drop-off order
     */
    PlanTimetable assemble(FleetPlan morning, FleetPlan afternoon, Map<String, String> unservedReasons) {
        FleetPlan fleetPlan = morning;
        List<BusChain> chains = new ArrayList<>(fleetPlan.buses());
        chains.sort(Comparator.comparingDouble(c -> c.runs().get(0).start_s()));
        Map<String, List<BusRun>> runsByBus = new HashMap<>();
        Map<String, BusType> typeByBus = new HashMap<>();
        List<String> busOrder = new ArrayList<>();
        Map<String, StudentJourney.Builder> journeys = new HashMap<>();
        int busNumber = 0;
        for (BusChain chain : chains) {
            String busId = String.format("B%02d", ++busNumber);
            busOrder.add(busId);
            int maxLoad = chain.runs().stream().mapToInt(SchoolRoute::load).max().orElse(0);
            typeByBus.put(busId, takeBusType(maxLoad));
            int runNumber = 0;
            for (SchoolRoute route : chain.runs()) {
                BusRun morningRun = morningRun(busId, busId + "-AM" + (++runNumber), route, journeys);
                runsByBus.computeIfAbsent(busId, k -> new ArrayList<>()).add(morningRun);
            }
        }
        List<SchoolRoute> afternoonRoutes = afternoon.schoolPlans().stream().flatMap(p -> p.routes().stream()).toList();
        assignAfternoonRuns(afternoonRoutes, busOrder, runsByBus, typeByBus, journeys, busNumber);
        List<Bus> buses = new ArrayList<>();
        for (String busId : busOrder) {
            BusType type = typeByBus.get(busId);
            buses.add(new Bus(busId, type.id(), type.seats(), runsByBus.getOrDefault(busId, List.of())));
        }
        List<StudentJourney> students = journeys.values().stream().map(StudentJourney.Builder::build)
                .sorted(Comparator.comparing(StudentJourney::studentId)).toList();
        return new PlanTimetable(buses, students, unservedReasons);
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
                        .capInfeasible(reason));
            }
        }
        School school = schools.get(route.schoolId());
        stops.add(new TimedStop(++seq, school.id(), true, school.location(), route.schoolArrival_s(),
                route.schoolDeparture_s(), 0, route.load(), 0));
        return new BusRun(runId, busId, school.id(), RunDirection.AM, stops);
    }

    /**
     * Afternoon runs leave school at dismissal and drop off in their solved order. Each goes to the
     * first bus (morning order) that is free in time and large enough, else a new bus.
     */
    private int assignAfternoonRuns(List<SchoolRoute> routes, List<String> busOrder, Map<String, List<BusRun>> runsByBus,
                                    Map<String, BusType> typeByBus, Map<String, StudentJourney.Builder> journeys, int busNumber) {
        List<BusRun> afternoon = new ArrayList<>();
        // Identity, not equality: two runs from one busy stop can be equal as values.
        Map<BusRun, List<PickupGroups.Pickup>> pickupsOf = new java.util.IdentityHashMap<>();
        for (SchoolRoute route : routes) {
            List<PickupGroups.Pickup> dropOrder = new ArrayList<>();
            for (StopVisit visit : route.visits()) {
                dropOrder.add(0, groups.pickup(visit.stop().id()));
            }
            BusRun pm = afternoonRun(route.schoolId(), dropOrder);
            afternoon.add(pm);
            pickupsOf.put(pm, dropOrder);
        }
        afternoon.sort(Comparator.comparingDouble(r -> r.first().arrival_s()));
        Map<String, TimedStop> lastPlaceOfBus = new HashMap<>();
        Map<String, Integer> pmCount = new HashMap<>();
        for (BusRun pm : afternoon) {
            int load = pm.first().loadAfter();
            String chosen = null;
            for (String busId : busOrder) {
                if (typeByBus.get(busId).seats() < load) {
                    continue;
                }
                TimedStop last = lastPlaceOfBus.get(busId);
                if (last == null || last.departure_s() + deadhead_s(last, pm.first()) <= pm.first().arrival_s()) {
                    chosen = busId;
                    break;
                }
            }
            if (chosen == null) {
                chosen = String.format("B%02d", ++busNumber);
                busOrder.add(chosen);
                typeByBus.put(chosen, takeBusType(load));
            }
            String runId = chosen + "-PM" + pmCount.merge(chosen, 1, Integer::sum);
            BusRun placed = new BusRun(runId, chosen, pm.schoolId(), RunDirection.PM, pm.stops());
            runsByBus.computeIfAbsent(chosen, k -> new ArrayList<>()).add(placed);
            lastPlaceOfBus.put(chosen, placed.last());
            int seq = 1;
            for (PickupGroups.Pickup pickup : pickupsOf.get(pm)) {
                TimedStop dropOff = placed.stops().get(seq++);
                for (StopAssignment a : pickup.students()) {
                    StudentJourney.Builder journey = journeys.get(a.studentId());
                    if (journey != null) {
                        journey.afternoon(runId, placed.first().departure_s(), dropOff.arrival_s());
                    }
                }
            }
        }
        return busNumber;
    }

    private BusRun afternoonRun(String schoolId, List<PickupGroups.Pickup> dropOrder) {
        School school = schools.get(schoolId);
        int load = dropOrder.stream().mapToInt(p -> p.students().size()).sum();
        double dismissal_s = school.dismissalTime().toSecondOfDay();
        List<TimedStop> stops = new ArrayList<>();
        double departure_s = dismissal_s + dwell_s(load);
        stops.add(new TimedStop(1, school.id(), true, school.location(), dismissal_s, departure_s, load, 0, load));
        int fromIndex = places.index(PlacePoints.schoolKey(school.id()));
        int seq = 1;
        for (PickupGroups.Pickup pickup : dropOrder) {
            int toIndex = places.index(PlacePoints.stopKey(pickup.stopId()));
            double arrival_s = departure_s + places.matrix().time_s(fromIndex, toIndex);
            int alighting = pickup.students().size();
            load -= alighting;
            departure_s = arrival_s + dwell_s(alighting);
            stops.add(new TimedStop(++seq, pickup.stopId(), false, stopLocation(pickup.stopId()), arrival_s, departure_s,
                    0, alighting, load));
            fromIndex = toIndex;
        }
        return new BusRun("pending", "pending", school.id(), RunDirection.PM, stops);
    }

    /**
     * The smallest fitting bus type still available; when the fleet has none left, the smallest
     * fitting type anyway, counted in {@link #busesBeyondFleet()} so the shortfall is reported.
     */
    private BusType takeBusType(int students) {
        BusType type = fleet.smallestAvailable(students, typesInUse).orElse(null);
        if (type == null) {
            busesBeyondFleet++;
            type = fleet.smallestFitting(students).orElse(fleet.largest());
        }
        typesInUse.merge(type.id(), 1, Integer::sum);
        return type;
    }

    /** Buses the plan needs beyond what the fleet has available. */
    int busesBeyondFleet() {
        return busesBeyondFleet;
    }

    private double deadhead_s(TimedStop from, TimedStop to) {
        return places.matrix().time_s(places.index(placeKey(from)), places.index(placeKey(to)));
    }

    static String placeKey(TimedStop stop) {
        return stop.school() ? PlacePoints.schoolKey(stop.placeId()) : PlacePoints.stopKey(stop.placeId());
    }

    private double dwell_s(int students) {
        return rules.dwellFixed_s() + rules.dwellPerStudent_s() * students;
    }

    private LonLat stopLocation(String stopId) {
        return stopPlan.findStop(stopId).orElseThrow().location();
    }
}
