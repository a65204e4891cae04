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
 * Turns the solver's morning bus chains into timetables: timed morning runs, afternoon runs that
 * mirror them from the dismissal time (stops in reverse order), buses of the smallest type that
 * fits, and every student's journey.
 */
final class TimetableAssembler {

    private record MorningRun(BusRun run, List<PickupGroups.Pickup> pickups) {
    }

    private final PickupGroups groups;
    private final PlacePoints places;
    private final StopPlan stopPlan;
    private final Map<String, School> schools;
    private final RouteRules rules;
    private final Fleet fleet;

    TimetableAssembler(PickupGroups groups, PlacePoints places, StopPlan stopPlan, Map<String, School> schools,
                       RouteRules rules, Fleet fleet) {
        this.groups = groups;
        this.places = places;
        this.stopPlan = stopPlan;
        this.schools = schools;
        this.rules = rules;
        this.fleet = fleet;
    }

    PlanTimetable assemble(FleetPlan fleetPlan, Map<String, String> unservedReasons) {
        List<BusChain> chains = new ArrayList<>(fleetPlan.buses());
        chains.sort(Comparator.comparingDouble(c -> c.runs().get(0).start_s()));
        Map<String, List<BusRun>> runsByBus = new HashMap<>();
        Map<String, BusType> typeByBus = new HashMap<>();
        List<String> busOrder = new ArrayList<>();
        Map<String, StudentJourney.Builder> journeys = new HashMap<>();
        List<MorningRun> mornings = new ArrayList<>();
        int busNumber = 0;
        for (BusChain chain : chains) {
            String busId = String.format("B%02d", ++busNumber);
            busOrder.add(busId);
            int maxLoad = chain.runs().stream().mapToInt(SchoolRoute::load).max().orElse(0);
            typeByBus.put(busId, fleet.smallestFitting(maxLoad).orElse(fleet.largest()));
            int runNumber = 0;
            for (SchoolRoute route : chain.runs()) {
                MorningRun morning = morningRun(busId, busId + "-AM" + (++runNumber), route, journeys);
                mornings.add(morning);
                runsByBus.computeIfAbsent(busId, k -> new ArrayList<>()).add(morning.run());
            }
        }
        busNumber = assignAfternoonRuns(mornings, busOrder, runsByBus, typeByBus, journeys, busNumber);
        List<Bus> buses = new ArrayList<>();
        for (String busId : busOrder) {
            BusType type = typeByBus.get(busId);
            buses.add(new Bus(busId, type.id(), type.seats(), runsByBus.getOrDefault(busId, List.of())));
        }
        List<StudentJourney> students = journeys.values().stream().map(StudentJourney.Builder::build)
                .sorted(Comparator.comparing(StudentJourney::studentId)).toList();
        return new PlanTimetable(buses, students, unservedReasons);
    }

    private MorningRun morningRun(String busId, String runId, SchoolRoute route, Map<String, StudentJourney.Builder> journeys) {
        List<TimedStop> stops = new ArrayList<>();
        List<PickupGroups.Pickup> pickups = new ArrayList<>();
        int seq = 0;
        for (StopVisit visit : route.visits()) {
            PickupGroups.Pickup pickup = groups.pickup(visit.stop().id());
            pickups.add(pickup);
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
        return new MorningRun(new BusRun(runId, busId, school.id(), RunDirection.AM, stops), pickups);
    }

    /**
     * Afternoon runs leave school at dismissal and drop off in the reverse order of the morning.
     * They go to the first bus (morning order) that is free in time and large enough, else a new bus.
     */
    private int assignAfternoonRuns(List<MorningRun> mornings, List<String> busOrder, Map<String, List<BusRun>> runsByBus,
                                    Map<String, BusType> typeByBus, Map<String, StudentJourney.Builder> journeys, int busNumber) {
        List<BusRun> afternoon = new ArrayList<>();
        // Identity, not equality: two runs from one busy stop can be equal as values.
        Map<BusRun, List<PickupGroups.Pickup>> pickupsOf = new java.util.IdentityHashMap<>();
        for (MorningRun morning : mornings) {
            BusRun pm = afternoonRun(morning);
            afternoon.add(pm);
            pickupsOf.put(pm, morning.pickups());
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
                typeByBus.put(chosen, fleet.smallestFitting(load).orElse(fleet.largest()));
            }
            String runId = chosen + "-PM" + pmCount.merge(chosen, 1, Integer::sum);
            BusRun placed = new BusRun(runId, chosen, pm.schoolId(), RunDirection.PM, pm.stops());
            runsByBus.computeIfAbsent(chosen, k -> new ArrayList<>()).add(placed);
            lastPlaceOfBus.put(chosen, placed.last());
            for (PickupGroups.Pickup pickup : pickupsOf.get(pm)) {
                TimedStop dropOff = placed.stops().stream().filter(s -> !s.school() && s.placeId().equals(pickup.stopId()))
                        .findFirst().orElseThrow();
                for (StopAssignment a : pickup.students()) {
                    journeys.get(a.studentId()).afternoon(runId, placed.first().departure_s(), dropOff.arrival_s());
                }
            }
        }
        return busNumber;
    }

    private BusRun afternoonRun(MorningRun morning) {
        School school = schools.get(morning.run().schoolId());
        List<PickupGroups.Pickup> reversed = new ArrayList<>(morning.pickups());
        java.util.Collections.reverse(reversed);
        int load = morning.run().students();
        double dismissal_s = school.dismissalTime().toSecondOfDay();
        List<TimedStop> stops = new ArrayList<>();
        double departure_s = dismissal_s + dwell_s(load);
        stops.add(new TimedStop(1, school.id(), true, school.location(), dismissal_s, departure_s, load, 0, load));
        int fromIndex = places.index(PlacePoints.schoolKey(school.id()));
        int seq = 1;
        for (PickupGroups.Pickup pickup : reversed) {
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
