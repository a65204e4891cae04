package org.xiaoche.routing.plan;

import org.xiaoche.routing.optimization.ArrivalWindow;
import org.xiaoche.routing.optimization.DwellModel;
import org.xiaoche.routing.optimization.PickupStop;
import org.xiaoche.routing.optimization.SchoolRoutingProblem;
import org.xiaoche.routing.optimization.TravelTimes;
import org.xiaoche.routing.policy.RouteRules;
import org.xiaoche.routing.roster.School;
import org.xiaoche.routing.stops.StopAssignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns stop assignments into one routing problem per school. Students of one school at one stop
 * form pickups of at most {@code seats} students, youngest caps first, so a stop too busy for one
 * bus is split. Each pickup's ride cap is the tightest of its students': the ride cap, and for
 * grades 1–3 the journey cap less their walk and wait. A pickup that no bus could serve even by
 * driving straight to school gets its cap relaxed to that direct ride and its students are marked
 * {@code cap_infeasible} with the reason: they are still carried, by the shortest trip possible.
 */
final class PickupGroups {

    /** Students of one pickup, and the per-student facts timetables need. */
    record Pickup(PickupStop stop, String stopId, String schoolId, List<StopAssignment> students) {
    }

    private final Map<String, Pickup> pickupsById = new LinkedHashMap<>();
    private final Map<String, String> capReasons = new HashMap<>();
    private final List<SchoolRoutingProblem> problems = new ArrayList<>();
    private final Map<String, String> unroutable = new LinkedHashMap<>();

    PickupGroups(List<StopAssignment> served, Map<String, School> schools, PlacePoints places, RouteRules rules, int seats) {
        DwellModel dwell = new DwellModel(rules.dwellFixed_s(), rules.dwellPerStudent_s());
        Map<String, Map<String, List<StopAssignment>>> bySchoolThenStop = new TreeMap<>();
        for (StopAssignment a : served) {
            bySchoolThenStop.computeIfAbsent(a.schoolId(), k -> new TreeMap<>())
                    .computeIfAbsent(a.stopId(), k -> new ArrayList<>()).add(a);
        }
        for (var schoolEntry : bySchoolThenStop.entrySet()) {
            School school = schools.get(schoolEntry.getKey());
            var schoolIndex = places.findIndex(PlacePoints.schoolKey(school.id()));
            if (schoolIndex.isEmpty()) {
                schoolEntry.getValue().values().forEach(list -> list.forEach(a ->
                        unroutable.put(a.studentId(), "school is not on a road a bus can reach")));
                continue;
            }
            int schoolNode = schoolIndex.get();
            double bell_s = school.bellTime().toSecondOfDay();
            ArrivalWindow window = new ArrivalWindow(bell_s - rules.arrivalEarliestBeforeBell_s(),
                    bell_s - rules.arrivalLatestBeforeBell_s());
            List<PickupStop> stops = new ArrayList<>();
            for (var stopEntry : schoolEntry.getValue().entrySet()) {
                int stopNode = places.index(PlacePoints.stopKey(stopEntry.getKey()));
                double drive_s = places.matrix().time_s(stopNode, schoolNode);
                if (!Double.isFinite(drive_s)) {
                    stopEntry.getValue().forEach(a -> unroutable.put(a.studentId(), "no bus road from stop " + a.stopId() + " to the school"));
                    continue;
                }
                List<StopAssignment> students = new ArrayList<>(stopEntry.getValue());
                students.sort(Comparator.comparingDouble((StopAssignment a) -> ownCap_s(a, rules)).thenComparing(StopAssignment::studentId));
                int part = 0;
                for (int from = 0; from < students.size(); from += seats) {
                    List<StopAssignment> chunk = students.subList(from, Math.min(students.size(), from + seats));
                    double cap_s = chunk.stream().mapToDouble(a -> ownCap_s(a, rules)).min().orElseThrow();
                    double direct_s = dwell.dwell_s(chunk.size()) + drive_s;
                    if (direct_s > cap_s) {
                        for (StopAssignment a : chunk) {
                            if (direct_s > ownCap_s(a, rules)) {
                                capReasons.put(a.studentId(), reason(a, direct_s, rules));
                            }
                        }
                        cap_s = direct_s + 1;
                    }
                    String pickupId = stopEntry.getKey() + "/" + school.id() + (students.size() > seats ? "#" + (++part) : "");
                    PickupStop pickup = new PickupStop(pickupId, stopNode, chunk.size(), cap_s);
                    stops.add(pickup);
                    pickupsById.put(pickupId, new Pickup(pickup, stopEntry.getKey(), school.id(), List.copyOf(chunk)));
                }
            }
            if (!stops.isEmpty()) {
                problems.add(new SchoolRoutingProblem(school.id(), schoolNode, window, stops, dwell, dwell, seats,
                        places.travelTimes()));
            }
        }
    }

    /** A student's own ride cap: the ride cap, and for the youngest the journey cap less walk and wait. */
    static double ownCap_s(StopAssignment a, RouteRules rules) {
        double cap_s = rules.rideCap_s();
        if (a.grade() <= 3) {
            cap_s = Math.min(cap_s, rules.journeyCapGrades1to3_s() - walk_s(a, rules) - rules.waitAtStop_s());
        }
        return cap_s;
    }

    static double walk_s(StopAssignment a, RouteRules rules) {
        return (a.walk_m() + a.homeAccess_m()) / rules.childWalkSpeed_mps();
    }

    private static String reason(StopAssignment a, double direct_s, RouteRules rules) {
        if (a.grade() <= 3 && direct_s > ownCap_s(a, rules) && direct_s <= rules.rideCap_s()) {
            return String.format(Locale.ROOT, "grade %d journey %.0f min (walk %.0f + wait %.0f + direct ride %.0f) exceeds the %.0f min cap",
                    a.grade(), (walk_s(a, rules) + rules.waitAtStop_s() + direct_s) / 60, walk_s(a, rules) / 60,
                    rules.waitAtStop_s() / 60, direct_s / 60, rules.journeyCapGrades1to3_s() / 60);
        }
        return String.format(Locale.ROOT, "direct ride %.0f min exceeds the %.0f min ride cap", direct_s / 60, rules.rideCap_s() / 60);
    }

    List<SchoolRoutingProblem> problems() {
        return problems;
    }

    /**
     * The afternoon as morning problems over the transposed matrix: a run solved there, read
     * backwards, leaves school and drops off in order, and each student's afternoon ride (school
     * departure to arrival at the stop) is at most the solved ride less the stop's own dwell, so
     * the caps hold. Where one-way roads make even the direct afternoon trip too long, the cap is
     * relaxed to that trip and the students are marked {@code cap_infeasible}.
     */
    List<SchoolRoutingProblem> afternoonProblems(RouteRules rules) {
        List<SchoolRoutingProblem> afternoon = new ArrayList<>();
        for (SchoolRoutingProblem morning : problems) {
            TravelTimes transposed = transpose(morning.travelTimes());
            List<PickupStop> stops = new ArrayList<>();
            for (PickupStop stop : morning.stops()) {
                double direct_s = morning.stopDwell().dwell_s(stop.students()) + transposed.time_s(stop.node(), morning.schoolNode());
                double cap_s = stop.maxRide_s();
                if (direct_s > cap_s) {
                    for (StopAssignment a : pickupsById.get(stop.id()).students()) {
                        if (direct_s > ownCap_s(a, rules)) {
                            capReasons.putIfAbsent(a.studentId(), String.format(Locale.ROOT,
                                    "afternoon direct ride %.0f min exceeds the cap (one-way roads)", direct_s / 60));
                        }
                    }
                    cap_s = direct_s + 1;
                }
                stops.add(new PickupStop(stop.id(), stop.node(), stop.students(), cap_s));
            }
            afternoon.add(new SchoolRoutingProblem(morning.schoolId(), morning.schoolNode(), morning.window(), stops,
                    morning.stopDwell(), morning.schoolDwell(), morning.seats(), transposed));
        }
        return afternoon;
    }

    private static TravelTimes transpose(TravelTimes times) {
        return new TravelTimes() {
            @Override
            public double time_s(int from, int to) {
                return times.time_s(to, from);
            }

            @Override
            public double distance_m(int from, int to) {
                return times.distance_m(to, from);
            }
        };
    }

    Pickup pickup(String pickupId) {
        Pickup p = pickupsById.get(pickupId);
        if (p == null) {
            throw new IllegalArgumentException("unknown pickup " + pickupId);
        }
        return p;
    }

    /** Students whose caps no trip can meet, with the reason. */
    Map<String, String> capReasons() {
        return capReasons;
    }

    /** Students with a stop but no bus road between it and the school. */
    Map<String, String> unroutable() {
        return unroutable;
    }
}
