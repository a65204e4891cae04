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
 * Turns stop assignments into routing problems per school, morning and afternoon. Students of one
 * school at one stop form pickups, tightest caps first, each no larger than a bus's seats and no
 * larger than the load whose direct trip (dwell grows by the student) still meets the tightest cap
 * of the pickup in both directions. A student whose own cap even a direct trip carrying the student
 * alone breaks is {@code cap_infeasible}, with the reason: in the direction(s) where the cap cannot
 * be met, their pickup's cap becomes its direct trip, so the run drives straight between their stop
 * and the school (last pickup in the morning, first drop-off in the afternoon) and their ride is
 * the direct ride.
 */
public final class PickupGroups {

    /**
     * Students of one pickup, with its cap in each direction. {@code directAm} / {@code directPm}:
     * no trip can meet the pickup's cap in that direction, so its cap there is the direct trip.
     */
    public record Pickup(PickupStop stop, PickupStop afternoonStop, String stopId, String schoolId,
                         List<StopAssignment> students, boolean directAm, boolean directPm) {

        /** The pickup as the problem of {@code direction} sees it (its cap in that direction). */
        public PickupStop stop(org.xiaoche.routing.timetable.RunDirection direction) {
            return direction == org.xiaoche.routing.timetable.RunDirection.AM ? stop : afternoonStop;
        }

        public boolean direct(org.xiaoche.routing.timetable.RunDirection direction) {
            return direction == org.xiaoche.routing.timetable.RunDirection.AM ? directAm : directPm;
        }
    }

    /** One school's pickups and its morning and afternoon problems. */
    public record SchoolProblems(String schoolId, SchoolRoutingProblem morning, SchoolRoutingProblem afternoon,
                                 List<Pickup> pickups) {
    }

    private final Map<String, Pickup> pickupsById = new LinkedHashMap<>();
    private final Map<String, String> capReasons = new HashMap<>();
    private final List<SchoolProblems> schools = new ArrayList<>();
    private final Map<String, String> unroutable = new LinkedHashMap<>();

    private final java.util.function.IntPredicate young;

    PickupGroups(List<StopAssignment> served, Map<String, School> schoolsById, PlacePoints places, RouteRules rules,
                 java.util.function.IntPredicate young, int seats) {
        this.young = young;
        DwellModel dwell = new DwellModel(rules.dwellFixed_s(), rules.dwellPerStudent_s());
        TravelTimes forward = places.travelTimes();
        TravelTimes backward = transpose(forward);
        Map<String, Map<String, List<StopAssignment>>> bySchoolThenStop = new TreeMap<>();
        for (StopAssignment a : served) {
            bySchoolThenStop.computeIfAbsent(a.schoolId(), k -> new TreeMap<>())
                    .computeIfAbsent(a.stopId(), k -> new ArrayList<>()).add(a);
        }
        for (var schoolEntry : bySchoolThenStop.entrySet()) {
            School school = schoolsById.get(schoolEntry.getKey());
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
            List<Pickup> pickups = new ArrayList<>();
            for (var stopEntry : schoolEntry.getValue().entrySet()) {
                int stopNode = places.index(PlacePoints.stopKey(stopEntry.getKey()));
                double driveAm_s = forward.time_s(stopNode, schoolNode);
                double drivePm_s = forward.time_s(schoolNode, stopNode);
                if (!Double.isFinite(driveAm_s) || !Double.isFinite(drivePm_s)) {
                    stopEntry.getValue().forEach(a -> unroutable.put(a.studentId(), "no bus road between stop "
                            + a.stopId() + " and the school in both directions"));
                    continue;
                }
                pickups.addAll(split(stopEntry.getKey(), school.id(), stopNode, stopEntry.getValue(), driveAm_s,
                        drivePm_s, dwell, seats, rules));
            }
            if (pickups.isEmpty()) {
                continue;
            }
            pickups.forEach(p -> pickupsById.put(p.stop().id(), p));
            List<PickupStop> am = pickups.stream().map(Pickup::stop).toList();
            List<PickupStop> pm = pickups.stream().map(Pickup::afternoonStop).toList();
            schools.add(new SchoolProblems(school.id(),
                    new SchoolRoutingProblem(school.id(), schoolNode, window, am, dwell, dwell, seats, forward),
                    new SchoolRoutingProblem(school.id(), schoolNode, window, pm, dwell, dwell, seats, backward),
                    List.copyOf(pickups)));
        }
    }

    /**
     * Splits one school's students at one stop into pickups, tightest caps first. A pickup grows
     * while it fits the seats and its direct trip (dwell grows with each student) still meets the
     * cap of every member that some trip can serve, in both directions. A pickup with a member whose
     * cap even a direct trip alone breaks is direct in that direction: its cap there becomes its
     * direct trip, so every member rides exactly that trip.
     */
    private List<Pickup> split(String stopId, String schoolId, int stopNode, List<StopAssignment> assigned,
                               double driveAm_s, double drivePm_s, DwellModel dwell, int seats, RouteRules rules) {
        List<StopAssignment> students = new ArrayList<>(assigned);
        students.sort(Comparator.comparingDouble((StopAssignment a) -> this.ownCap_s(a, rules)).thenComparing(StopAssignment::studentId));
        List<Pickup> pickups = new ArrayList<>();
        List<List<StopAssignment>> chunks = new ArrayList<>();
        List<StopAssignment> current = new ArrayList<>();
        double servableCapAm_s = Double.POSITIVE_INFINITY, servableCapPm_s = Double.POSITIVE_INFINITY;
        for (StopAssignment a : students) {
            double cap_s = ownCap_s(a, rules);
            boolean aloneAm = dwell.dwell_s(1) + driveAm_s > cap_s + 1e-6;
            boolean alonePm = dwell.dwell_s(1) + drivePm_s > cap_s + 1e-6;
            if (aloneAm || alonePm) {
                capReasons.put(a.studentId(), reason(a, aloneAm ? dwell.dwell_s(1) + driveAm_s : dwell.dwell_s(1) + drivePm_s,
                        aloneAm ? "" : "afternoon ", rules));
            }
            double withCapAm_s = Math.min(servableCapAm_s, aloneAm ? Double.POSITIVE_INFINITY : cap_s);
            double withCapPm_s = Math.min(servableCapPm_s, alonePm ? Double.POSITIVE_INFINITY : cap_s);
            int size = current.size() + 1;
            boolean fits = !current.isEmpty() && size <= seats
                    && dwell.dwell_s(size) + driveAm_s <= withCapAm_s + 1e-6
                    && dwell.dwell_s(size) + drivePm_s <= withCapPm_s + 1e-6;
            if (!fits && !current.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
                withCapAm_s = aloneAm ? Double.POSITIVE_INFINITY : cap_s;
                withCapPm_s = alonePm ? Double.POSITIVE_INFINITY : cap_s;
            }
            current.add(a);
            servableCapAm_s = withCapAm_s;
            servableCapPm_s = withCapPm_s;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        for (int c = 0; c < chunks.size(); c++) {
            List<StopAssignment> chunk = chunks.get(c);
            double cap_s = chunk.stream().mapToDouble(a -> ownCap_s(a, rules)).min().orElseThrow();
            double directAm_s = dwell.dwell_s(chunk.size()) + driveAm_s, directPm_s = dwell.dwell_s(chunk.size()) + drivePm_s;
            boolean directAm = directAm_s > cap_s + 1e-6, directPm = directPm_s > cap_s + 1e-6;
            // No trip meets the cap: the direct trip becomes the cap, so the bus drives straight to school (AM) or to the stop first (PM).
            double capAm_s = directAm ? directAm_s + 1 : cap_s;
            double capPm_s = directPm ? directPm_s + 1 : cap_s;
            String pickupId = stopId + "/" + schoolId + (chunks.size() > 1 ? "#" + (c + 1) : "");
            pickups.add(new Pickup(new PickupStop(pickupId, stopNode, chunk.size(), capAm_s),
                    new PickupStop(pickupId, stopNode, chunk.size(), capPm_s), stopId, schoolId,
                    List.copyOf(chunk), directAm, directPm));
        }
        return pickups;
    }

    /** A student's own ride cap: the ride cap, and for young pupils the journey cap less walk and wait. */
    double ownCap_s(StopAssignment a, RouteRules rules) {
        double cap_s = rules.rideCap_s();
        if (young.test(a.grade())) {
            cap_s = Math.min(cap_s, rules.journeyCapGrades1to3_s() - walk_s(a, rules) - rules.waitAtStop_s());
        }
        return cap_s;
    }

    static double walk_s(StopAssignment a, RouteRules rules) {
        return (a.walk_m() + a.homeAccess_m()) / rules.childWalkSpeed_mps();
    }

    private String reason(StopAssignment a, double direct_s, String direction, RouteRules rules) {
        if (young.test(a.grade()) && direct_s <= rules.rideCap_s()) {
            return String.format(Locale.ROOT, "grade %d %sjourney %.1f min (walk %.1f + wait %.1f + direct ride %.1f) exceeds the %.0f min cap",
                    a.grade(), direction, (walk_s(a, rules) + rules.waitAtStop_s() + direct_s) / 60, walk_s(a, rules) / 60,
                    rules.waitAtStop_s() / 60, direct_s / 60, rules.journeyCapGrades1to3_s() / 60);
        }
        return String.format(Locale.ROOT, "%sdirect ride %.1f min exceeds the %.0f min ride cap", direction, direct_s / 60,
                rules.rideCap_s() / 60);
    }

    /** Per school (by id), its pickups and problems. */
    public List<SchoolProblems> schools() {
        return schools;
    }

    static TravelTimes transpose(TravelTimes times) {
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

    public Pickup pickup(String pickupId) {
        Pickup p = pickupsById.get(pickupId);
        if (p == null) {
            throw new IllegalArgumentException("unknown pickup " + pickupId);
        }
        return p;
    }

    /** Students whose caps no trip can meet, with the reason. */
    public Map<String, String> capReasons() {
        return capReasons;
    }

    /** Students with a stop but no bus road between it and the school. */
    public Map<String, String> unroutable() {
        return unroutable;
    }
}
