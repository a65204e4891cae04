package org.xiaoche.routing.scenario;

import org.xiaoche.routing.network.BusTravelTimeCalculator;
import org.xiaoche.routing.network.BusTravelTimes;
import org.xiaoche.routing.network.OffBusNetworkException;
import org.xiaoche.routing.network.OffBusNetworkPoint;
import org.xiaoche.routing.network.RoadNetwork;
import org.xiaoche.routing.roster.School;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bus travel times between schools, by which "nearest receiving school" is decided. A school farther
 * than the planner's stop snap from any bus road is unreachable by bus (infinite time).
 */
public final class SchoolBusTimes {

    /** The same bound the planner uses for its places. */
    private static final double MAX_SNAP_M = 500;

    private final Map<String, Integer> index = new HashMap<>();
    private final double[][] time_s;

    private SchoolBusTimes(Map<String, Integer> index, double[][] time_s) {
        this.index.putAll(index);
        this.time_s = time_s;
    }

    /** Times among {@code schools}, computed on {@code network}'s bus graph. */
    public static SchoolBusTimes between(RoadNetwork network, List<School> schools) {
        BusTravelTimeCalculator calculator = new BusTravelTimeCalculator(network);
        Set<String> off = new HashSet<>();
        while (true) {
            List<School> on = schools.stream().filter(s -> !off.contains(s.id())).toList();
            try {
                BusTravelTimes m = calculator.compute(on.stream().map(School::location).toList(), MAX_SNAP_M);
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < on.size(); i++) {
                    index.put(on.get(i).id(), i);
                }
                double[][] t = new double[on.size()][on.size()];
                for (int i = 0; i < on.size(); i++) {
                    for (int j = 0; j < on.size(); j++) {
                        t[i][j] = m.time_s(i, j);
                    }
                }
                return new SchoolBusTimes(index, t);
            } catch (OffBusNetworkException e) {
                for (OffBusNetworkPoint p : e.points()) {
                    off.add(on.get(p.index()).id());
                }
            }
        }
    }

    /** Seconds by bus from one school to another; infinite when either is off the bus network. */
    public double time_s(String fromSchoolId, String toSchoolId) {
        Integer from = index.get(fromSchoolId), to = index.get(toSchoolId);
        return from == null || to == null ? Double.POSITIVE_INFINITY : time_s[from][to];
    }

    /** {@code candidates} ordered by bus time from {@code fromSchoolId}, then id; unreachable ones left out. */
    public List<School> nearestFirst(String fromSchoolId, List<School> candidates) {
        List<School> sorted = new ArrayList<>(candidates.stream()
                .filter(s -> Double.isFinite(time_s(fromSchoolId, s.id()))).toList());
        sorted.sort(java.util.Comparator.comparingDouble((School s) -> time_s(fromSchoolId, s.id())).thenComparing(School::id));
        return sorted;
    }
}
